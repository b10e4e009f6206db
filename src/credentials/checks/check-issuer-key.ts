/**
 * Stage: does the signing key belong to the issuer? The verification method's
 * controller must be the issuer (VC-DATA-MODEL-2.0 §4.7, issuer; CID 1.0 §3.3 step 4)
 * and, where the controller document is known, list it under `assertionMethod`
 * (VC-DATA-INTEGRITY §4.4 step 5, proof purpose validation).
 */
import { describeError } from '../json-helpers.ts';
import type { ResolvedVerificationMethod } from '../types.ts';
import { type CheckResult, EMBEDDED_JWK, type VerificationState } from '../verification-types.ts';
import { referencedKeyIds } from './resolve-keys.ts';

function authorises(resolved: ResolvedVerificationMethod): boolean {
  const document = resolved.controllerDocument;
  if (!document) return true;
  const id = resolved.verificationMethod.id;
  return (document.assertionMethod ?? []).some((entry) => {
    const entryId = typeof entry === 'string' ? entry : entry.id;
    return entryId === id || `${document.id}${entryId}` === id;
  });
}

/** Explains, per key, whether it is the issuer's. */
function judge(
  id: string,
  key: ResolvedVerificationMethod | Error | undefined,
  issuerId: string,
): string | undefined {
  if (id === EMBEDDED_JWK)
    return 'the key is embedded in the JWT header, not published by the issuer';
  if (!key || key instanceof Error)
    return `${id} could not be resolved: ${describeError(key ?? 'no key')}`;
  if (key.verificationMethod.controller !== issuerId) {
    return `${id} is controlled by ${key.verificationMethod.controller}, not by the issuer ${issuerId}`;
  }
  if (!authorises(key))
    return `${key.controllerDocument?.id} does not list ${id} as an assertionMethod`;
  return undefined;
}

/** Checks that every signing key is the issuer's own. */
export function checkIssuerKey(state: VerificationState): CheckResult {
  const ids = referencedKeyIds(state.securing, state.issuerId);
  const problems = ids
    .map((id) => judge(id, state.keys.get(id), state.issuerId))
    .filter((p) => p !== undefined);
  if (problems.length === 0) {
    return {
      check: 'issuer-key',
      outcome: 'passed',
      message: 'It was signed with a key that belongs to the issuer.',
      detail: ids.join(', '),
    };
  }
  const unresolved = ids.some((id) => state.keys.get(id) instanceof Error || !state.keys.has(id));
  return {
    check: 'issuer-key',
    outcome: 'failed',
    message: unresolved
      ? 'The issuer’s public key could not be found, so we cannot confirm who issued this credential.'
      : 'It was signed with a key that does not belong to the issuer named in the credential.',
    detail: problems.join('; '),
  };
}
