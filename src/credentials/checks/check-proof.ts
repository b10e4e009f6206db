/**
 * Stage: is the issuer's signature intact? Every proof of a proof set must verify.
 */
import { describeError } from '../json-helpers.ts';
import type { DocumentLoader } from '../types.ts';
import type { CheckResult, VerificationState } from '../verification-types.ts';
import { verifyDataIntegrityProof } from '../verify-data-integrity.ts';
import { verifyJwtSignature } from '../verify-jwt.ts';
import { referencedKeyIds } from './resolve-keys.ts';

const INTACT = 'The issuer’s digital signature is intact: nothing was changed after it was issued.';
const BROKEN =
  'The digital signature does not match: the credential was changed after it was issued, or it was not signed by the key it names.';
const NO_KEY =
  'The signature could not be checked because the issuer’s public key could not be found.';
const UNKNOWN_CONTEXT =
  'The credential uses a vocabulary (JSON-LD context) this verifier does not have, so its signature cannot be checked.';
const UNSUPPORTED = 'This credential is signed in a way this verifier does not support.';

function failed(message: string, detail: string): CheckResult {
  return { check: 'proof', outcome: 'failed', message, detail };
}

async function checkJwt(state: VerificationState): Promise<CheckResult> {
  if (state.securing.kind !== 'vc-jwt') throw new Error('not a JWT');
  const [keyId] = referencedKeyIds(state.securing, state.issuerId);
  const key = keyId ? state.keys.get(keyId) : undefined;
  if (!key || key instanceof Error)
    return failed(NO_KEY, `${keyId}: ${describeError(key ?? 'no key')}`);
  const error = await verifyJwtSignature(state.securing.jwt, state.securing.header.alg, key);
  if (error) return failed(BROKEN, `JWS (${String(state.securing.header.alg)}): ${error}`);
  return {
    check: 'proof',
    outcome: 'passed',
    message: INTACT,
    detail: `JWS ${String(state.securing.header.alg)} by ${keyId}`,
  };
}

/** Verifies the proof set or the JWS. */
export async function checkProof(
  state: VerificationState,
  documentLoader: DocumentLoader,
): Promise<CheckResult> {
  if (state.securing.kind === 'vc-jwt') return checkJwt(state);
  const results = await Promise.all(
    state.securing.proofs.map((proof) =>
      verifyDataIntegrityProof(
        state.credential,
        proof,
        state.keys.get(proof.verificationMethod),
        documentLoader,
      ),
    ),
  );
  const detail = results
    .map(
      (r, i) =>
        `proof ${i + 1} (${r.proof.cryptosuite ?? r.proof.type}, ${r.proof.verificationMethod}): ${r.verified ? 'valid' : r.error}`,
    )
    .join('; ');
  const bad = results.filter((r) => !r.verified);
  if (bad.length === 0) {
    const count = results.length > 1 ? ` (${results.length} signatures)` : '';
    return { check: 'proof', outcome: 'passed', message: `${INTACT}${count}`, detail };
  }
  if (bad.every((r) => r.reason === 'unsupported')) return failed(UNSUPPORTED, detail);
  if (bad.every((r) => r.reason === 'key-unavailable')) return failed(NO_KEY, detail);
  if (bad.every((r) => r.reason === 'unknown-context')) return failed(UNKNOWN_CONTEXT, detail);
  return failed(BROKEN, detail);
}
