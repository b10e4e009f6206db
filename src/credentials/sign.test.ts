import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from './document-loader.ts';
import type { Ed25519KeyPair } from './keys.ts';
import { signCredential } from './sign.ts';
import {
  readStandardJson,
  readStandardText,
  SHARED_DATA_EXISTS,
  SKIP_MESSAGE,
} from './testing/shared-data.ts';
import type { Credential, DataIntegrityProof, JsonObject } from './types.ts';

const VECTORS = 'vectors/w3c-vc-di-eddsa/';

describe.skipIf(!SHARED_DATA_EXISTS)('W3C VC-DI-EDDSA test vectors', () => {
  if (!SHARED_DATA_EXISTS) console.warn(SKIP_MESSAGE);
  const examplesContext = 'https://www.w3.org/ns/credentials/examples/v2';
  const documentLoader = createDocumentLoader({
    documents: { [examplesContext]: readStandardJson('contexts/credentials-examples-v2.jsonld') },
  });
  const pair = readStandardJson(`${VECTORS}keyPair.json`) as Record<string, string>;
  const did = `did:key:${pair.publicKeyMultibase}`;
  const key: Ed25519KeyPair = {
    type: 'Multikey',
    id: `${did}#${pair.publicKeyMultibase}`,
    controller: did,
    publicKeyMultibase: pair.publicKeyMultibase ?? '',
    secretKeyMultibase: pair.privateKeyMultibase ?? '',
  };
  const unsigned = readStandardJson(`${VECTORS}unsigned.json`) as Credential;

  it.each([
    [
      'eddsa-rdfc-2022',
      'eddsa-rdfc-2022/proofConfigDataInt.json',
      'eddsa-rdfc-2022/sigBTC58DataInt.txt',
    ],
    ['eddsa-jcs-2022', 'eddsa-jcs-2022/proofConfigJCS.json', 'eddsa-jcs-2022/sigBTC58JCS.txt'],
  ] as const)(
    '%s signer reproduces the published proofValue',
    async (format, configFile, sigFile) => {
      const config = readStandardJson(VECTORS + configFile) as JsonObject;
      const signed = await signCredential(unsigned, {
        format,
        key,
        verificationMethod: config.verificationMethod as string,
        documentLoader,
        now: config.created as string,
      });
      const proofs = signed.proof as DataIntegrityProof[];
      expect(Array.isArray(proofs)).toBe(true);
      expect(proofs).toHaveLength(1);
      expect(proofs[0]?.created).toBe(config.created);
      expect(proofs[0]?.proofValue).toBe(readStandardText(VECTORS + sigFile));
    },
  );

  it('does not modify the credential it signs', async () => {
    const copy = structuredClone(unsigned);
    await signCredential(copy, { key, documentLoader, now: '2023-02-24T23:36:38Z' });
    expect(copy).toEqual(unsigned);
  });
});
