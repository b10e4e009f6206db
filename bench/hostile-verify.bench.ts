/**
 * Hostile input against the verification engine (issue 8): how fast each is refused, next to an
 * honest credential for scale. Every refusal happens before JSON-LD processing or key resolution
 * (src/credentials/limits.ts), so these figures stay flat however large the attack grows.
 */
import {
  type Credential,
  generateEd25519KeyPair,
  signCredential,
  VERIFICATION_LIMITS,
  verifyCredential,
} from '../src/credentials/index.ts';
import type { BenchCase } from './measure.ts';
import { sampleOpenBadgeCredential } from './sample-credential.ts';

let honest: Credential;
let manyProofs: Credential;
const deepText = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
let oversized: string;
let unsigned: string;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function setup() {
  if (honest) return;
  const key = await generateEd25519KeyPair();
  honest = await signCredential(sampleOpenBadgeCredential(key.controller), { key });
  const proof = Array.isArray(honest.proof) ? honest.proof[0] : honest.proof;
  manyProofs = { ...honest, proof: Array(5000).fill(proof) };
  oversized = JSON.stringify({
    ...honest,
    padding: 'x'.repeat(VERIFICATION_LIMITS.maxCredentialBytes),
  });
  unsigned = `${b64({ alg: 'none' })}.${b64({ vc: honest, iss: key.controller })}.`;
}

export const cases: BenchCase[] = [
  { name: 'verify honest credential (did:key)', setup, run: () => verifyCredential(honest) },
  { name: 'refuse 5000 proofs', setup, run: () => verifyCredential(manyProofs) },
  { name: 'refuse 500k-deep JSON text', setup, run: () => verifyCredential(deepText) },
  { name: 'refuse 1 MiB+ credential text', setup, run: () => verifyCredential(oversized) },
  { name: 'refuse JWT alg none', setup, run: () => verifyCredential(unsigned) },
];
