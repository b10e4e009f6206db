/**
 * Issue and verify throughput of one OB 3.0 credential in each securing format, plus
 * the raw Ed25519 primitive for scale. Verification is the full pipeline
 * (verifyCredential) with the offline loader and a resolver that knows the issuer's
 * keys, so nothing touches the network.
 */
import { createPrivateKey, createPublicKey, randomUUID, sign, verify } from 'node:crypto';
import {
  type Credential,
  createVerificationMethodResolver,
  defaultDocumentLoader,
  ed25519KeyToJwk,
  generateEd25519KeyPair,
  generateRsaKeyPair,
  type SignatureFormat,
  type SigningKey,
  signCredential,
  type VerificationMethod,
  verifyCredential,
} from '../src/credentials/index.ts';
import type { BenchCase } from './measure.ts';
import { sampleOpenBadgeCredential } from './sample-credential.ts';

const ISSUER = 'https://skillmark.example/issuers/northbridge-college';

interface Format {
  label: string;
  format: SignatureFormat;
  key: SigningKey;
}

function publicMethod(key: SigningKey): VerificationMethod {
  return key.type === 'Multikey'
    ? {
        id: key.id,
        type: 'Multikey',
        controller: key.controller,
        publicKeyMultibase: key.publicKeyMultibase,
      }
    : {
        id: key.id,
        type: 'JsonWebKey',
        controller: key.controller,
        publicKeyJwk: key.publicKeyJwk,
      };
}

const ed25519 = await generateEd25519KeyPair({
  id: `${ISSUER}#key-ed25519`,
  controller: ISSUER,
  seed: new Uint8Array(32).fill(7),
});
const rsa = generateRsaKeyPair({ id: `${ISSUER}#key-rsa`, controller: ISSUER });

const formats: Format[] = [
  { label: 'eddsa-rdfc-2022', format: 'eddsa-rdfc-2022', key: ed25519 },
  { label: 'eddsa-jcs-2022', format: 'eddsa-jcs-2022', key: ed25519 },
  { label: 'VC-JWT EdDSA', format: 'vc-jwt', key: ed25519 },
  { label: 'VC-JWT RS256', format: 'vc-jwt', key: rsa },
];

const documentLoader = defaultDocumentLoader();
const verifyDeps = {
  documentLoader,
  resolveVerificationMethod: createVerificationMethodResolver({
    knownVerificationMethods: [publicMethod(ed25519), publicMethod(rsa)],
  }),
};
const unsigned = sampleOpenBadgeCredential(ISSUER);

/** Each issuance gets a fresh id, as a real one would. */
function issue({ format, key }: Format): Promise<Credential | string> {
  return signCredential({ ...unsigned, id: `urn:uuid:${randomUUID()}` }, { format, key });
}

function issueCase(format: Format): BenchCase {
  return { name: `issue   ${format.label}`, run: () => issue(format) };
}

/** Signs once in setup and refuses to measure a credential that does not verify. */
function verifyCase(format: Format): BenchCase {
  let signed: Credential | string | undefined;
  return {
    name: `verify  ${format.label}`,
    async setup() {
      signed = await issue(format);
      const result = await verifyCredential(signed, verifyDeps);
      const failed = result.checks.filter((c) => c.outcome === 'failed');
      if (!result.verified) {
        throw new Error(`${format.label} sample does not verify: ${JSON.stringify(failed)}`);
      }
    },
    run: () => verifyCredential(signed, verifyDeps),
  };
}

// The raw primitive: a cached node:crypto KeyObject signing a 32-byte digest, which is
// what a proof signs after canonicalisation and hashing.
const secretJwk = await ed25519KeyToJwk(ed25519, { secret: true });
const privateKey = createPrivateKey({ key: secretJwk, format: 'jwk' });
const publicKey = createPublicKey(privateKey);
const digest = new Uint8Array(32).fill(42);
const signature = sign(null, digest, privateKey);

/** The cases of this module, in print order. */
export const cases: BenchCase[] = [
  ...formats.map(issueCase),
  ...formats.map(verifyCase),
  { name: 'raw Ed25519 sign (32 B)', run: () => sign(null, digest, privateKey) },
  { name: 'raw Ed25519 verify (32 B)', run: () => verify(null, digest, publicKey, signature) },
];
