/**
 * Stage: is the credential's issuance in the platform's append-only transparency log? Passes
 * when the logged leaf names this very credential (its SHA-256 as signed) and an RFC 9162
 * inclusion proof (§2.1.3.2) leads from that leaf to the root of a signed tree head. Foreign
 * credentials, with no log to ask, are skipped: never failed.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { decodeLeaf } from '../../domain/transparency/events.ts';
import { fromHex, leafHash, verifyInclusion } from '../../domain/transparency/merkle.ts';
import { describeError } from '../json-helpers.ts';
import { verifyTreeHeadSignature } from '../tree-head.ts';
import type { CheckResult, TransparencyLookup, VerificationState } from '../verification-types.ts';

function result(outcome: CheckResult['outcome'], message: string, detail?: string): CheckResult {
  return { check: 'transparency', outcome, message, ...(detail ? { detail } : {}) };
}

/** The presented credential is the stored one (same JWT, or the same JSON document). */
function samePresented(state: VerificationState, stored: string): boolean {
  if (state.securing.kind === 'vc-jwt') return state.securing.jwt === stored;
  try {
    return isDeepStrictEqual(JSON.parse(stored), state.credential);
  } catch {
    return false;
  }
}

/** Runs the stage with the injected log lookup. */
export async function checkTransparency(
  state: VerificationState,
  lookup: TransparencyLookup | undefined,
): Promise<CheckResult> {
  if (!lookup) return result('skipped', 'No transparency log is available to check.');
  let evidence: Awaited<ReturnType<TransparencyLookup>>;
  try {
    evidence = await lookup(
      state.credential,
      state.securing.kind === 'vc-jwt' ? state.securing.jwt : undefined,
    );
  } catch (error) {
    return result('warning', 'The issuance log could not be consulted.', describeError(error));
  }
  if (evidence === undefined)
    return result('skipped', 'This issuer keeps no transparency log known here; not checked.');
  if (evidence === 'not-logged')
    return result(
      'warning',
      'This credential is not in its platform’s public issuance log (it may predate the log).',
    );
  const event = decodeLeaf(evidence.leaf);
  const storedHash = createHash('sha256').update(evidence.stored).digest('hex');
  if (!event || event.type === 'key.rotated' || event.credential !== storedHash)
    return result(
      'failed',
      'The issuance log entry does not match this credential.',
      `entry ${evidence.leafIndex} names ${event && 'credential' in event ? event.credential : 'no credential'}, the stored credential hashes to ${storedHash}`,
    );
  if (!samePresented(state, evidence.stored))
    return result(
      'failed',
      'This credential differs from the one recorded in the issuance log under the same id.',
      `logged as entry ${evidence.leafIndex} with SHA-256 ${storedHash}`,
    );
  if (!evidence.head)
    return result(
      'skipped',
      'The issuance is in the public log; the next signed tree head will cover it.',
      `entry ${evidence.leafIndex}`,
    );
  const signed = await verifyTreeHeadSignature(
    evidence.head.signature,
    evidence.head.publicKeyMultibase,
  );
  if (!signed.valid)
    return result(
      'failed',
      'The signed tree head of the issuance log is not valid.',
      signed.reason,
    );
  const { treeSize, rootHash, timestamp } = signed.head;
  const included = verifyInclusion(
    leafHash(new TextEncoder().encode(evidence.leaf)),
    evidence.leafIndex,
    treeSize,
    evidence.proof.map(fromHex),
    fromHex(rootHash),
  );
  if (!included)
    return result(
      'failed',
      'The inclusion proof does not lead to the signed root of the issuance log.',
      `entry ${evidence.leafIndex} of ${treeSize}, root ${rootHash}`,
    );
  return result(
    'passed',
    'The issuance is recorded in the platform’s public, append-only log.',
    `entry ${evidence.leafIndex} of ${treeSize}, root ${rootHash}, signed ${new Date(timestamp).toISOString()}`,
  );
}
