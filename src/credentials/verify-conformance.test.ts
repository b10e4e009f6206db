import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from './document-loader.ts';
import { exampleKeyResolver } from './testing/example-keys.ts';
import {
  readStandardJson,
  readStandardText,
  SHARED_DATA_EXISTS,
  SKIP_MESSAGE,
} from './testing/shared-data.ts';
import type { CheckName, VerificationResult } from './verification-types.ts';
import { verifyCredential } from './verify.ts';

function check(result: VerificationResult, name: CheckName) {
  const found = result.checks.find((c) => c.check === name);
  if (!found) throw new Error(`no ${name} check`);
  return found;
}

const NOW = () => new Date('2025-06-01T00:00:00Z');

describe.skipIf(!SHARED_DATA_EXISTS)(
  `conformance with published vectors and examples (${SKIP_MESSAGE})`,
  () => {
    const documentLoader = createDocumentLoader({
      documents: {
        'https://www.w3.org/ns/credentials/examples/v2': readStandardJson(
          'contexts/credentials-examples-v2.jsonld',
        ),
      },
    });
    const deps = { documentLoader, resolveVerificationMethod: exampleKeyResolver(), now: NOW };

    it.each([
      'vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json',
      'vectors/w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json',
      'vectors/w3c-vc-di-eddsa/proof-set-chain/signedProofSet2.json',
    ])('W3C signed vector %s passes the proof check', async (file) => {
      const result = await verifyCredential(readStandardJson(file), deps);
      expect(check(result, 'proof').outcome, check(result, 'proof').detail).toBe('passed');
      // The vectors sign with a did:key that the issuer URL does not control: that is reported, not hidden.
      expect(check(result, 'issuer-key')).toMatchObject({ outcome: 'failed' });
      expect(check(result, 'issuer-key').detail).toContain(
        'not by the issuer https://vc.example/issuers/5678',
      );
    });

    it('the OB 3.0 implementation guide vector verifies', async () => {
      const result = await verifyCredential(
        readStandardJson('vectors/ob3-impl-guide-ldp-vector.json'),
        deps,
      );
      expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
      expect(result.verified).toBe(true);
    });

    it.each([
      'examples/ob3/simple.json',
      'examples/ob3/complete.json',
      'examples/ob3/endorsement-valid.json',
      'examples/ob3/simple-did-web-method.json',
      'examples/clr2/simple.json',
    ])('1EdTech example %s verifies', async (file) => {
      const result = await verifyCredential(readStandardText(file), deps);
      expect(result.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
      expect(result.verified).toBe(true);
      expect(check(result, 'proof').outcome).toBe('passed');
    });

    it('1EdTech did:key example: the signature is valid but the key is not the urn:uuid issuer’s', async () => {
      const result = await verifyCredential(
        readStandardJson('examples/ob3/simple-did-key-method.json'),
        deps,
      );
      expect(check(result, 'proof').outcome).toBe('passed');
      expect(check(result, 'issuer-key')).toMatchObject({
        outcome: 'failed',
        message: expect.stringContaining('does not belong to the issuer'),
      });
    });

    it('1EdTech simple.jwt: the RS256 key cannot be resolved offline and that is said plainly', async () => {
      const result = await verifyCredential(readStandardText('examples/ob3/simple.jwt'), deps);
      expect(check(result, 'format').outcome).toBe('warning');
      expect(check(result, 'issuer-key')).toMatchObject({
        outcome: 'failed',
        message: expect.stringContaining('public key could not be found'),
        detail: expect.stringContaining('https://example.edu/issuers/565049'),
      });
      expect(check(result, 'proof').message).toContain('could not be checked');
    });

    it('1EdTech simple.jwt: with a resolver that knows the issuer’s RSA key, a foreign key is rejected', async () => {
      const clrJwt = readStandardText('examples/clr2/simple.jwt');
      const header = JSON.parse(
        Buffer.from(clrJwt.split('.')[0] ?? '', 'base64url').toString(),
      ) as { jwk: never };
      const resolveVerificationMethod = async (id: string) => ({
        verificationMethod: { id, type: 'JsonWebKey', controller: id, publicKeyJwk: header.jwk },
      });
      const result = await verifyCredential(readStandardText('examples/ob3/simple.jwt'), {
        ...deps,
        resolveVerificationMethod,
      });
      expect(check(result, 'issuer-key').outcome).toBe('passed');
      expect(check(result, 'proof').outcome).toBe('failed');
    });

    it.each(['examples/ob3/credential-status-revoked.json', 'examples/ob3/simple-eddsa-2022.json'])(
      'legacy 1EdTech example %s (VC 1.1, pre-standard suites) is reported as unsupported, not silently passed',
      async (file) => {
        const result = await verifyCredential(readStandardJson(file), deps);
        expect(check(result, 'format').outcome).toBe('warning');
        expect(check(result, 'proof')).toMatchObject({
          outcome: 'failed',
          message: expect.stringContaining('does not support'),
        });
        expect(result.verified).toBe(false);
      },
    );

    it.each([
      'examples/ob3/bit-string-list/credential-status-revoked.json',
      'examples/ob3/bit-string-list/credential-status-revoked-blank-nodes.json',
    ])('%s is reported revoked using the published status list', async (file) => {
      const testlist = readStandardJson('examples/ob3/bit-string-list/testlist');
      const fetched: string[] = [];
      const result = await verifyCredential(readStandardJson(file), {
        ...deps,
        fetchStatusList: async (url) => {
          fetched.push(url);
          return testlist;
        },
      });
      expect(fetched).toHaveLength(1);
      expect(check(result, 'proof').outcome).toBe('passed');
      expect(check(result, 'status')).toMatchObject({
        outcome: 'failed',
        message: 'This credential has been revoked by its issuer.',
      });
      expect(result.verified).toBe(false);
    });
  },
);
