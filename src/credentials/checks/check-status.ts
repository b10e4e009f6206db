/**
 * Stage: has the issuer revoked or suspended the credential? Implements the
 * BITSTRING-STATUS-LIST §3.2 "Validate Algorithm": fetch the status list
 * credential, verify it, match its purpose, decode the list and read the bit.
 */
import { asArray, describeError, isObject } from '../json-helpers.ts';
import { decodeStatusList, getStatus } from '../status-list.ts';
import type { JsonObject } from '../types.ts';
import type {
  CheckResult,
  StatusListFetcher,
  VerificationResult,
  VerificationState,
} from '../verification-types.ts';

/** What the status stage needs: the fetcher and a way to verify the list credential. */
export interface StatusCheckDeps {
  fetchStatusList?: StatusListFetcher;
  verifyStatusListCredential: (input: unknown) => Promise<VerificationResult>;
}

type EntryVerdict =
  | { kind: 'set'; purpose: string; detail: string }
  | { kind: 'clear'; detail: string }
  | { kind: 'invalid'; detail: string }
  | { kind: 'unchecked'; detail: string };

async function readEntry(entry: JsonObject, deps: StatusCheckDeps): Promise<EntryVerdict> {
  const purpose = entry.statusPurpose;
  const url = entry.statusListCredential;
  if (entry.type !== 'BitstringStatusListEntry') {
    return { kind: 'unchecked', detail: `status type ${String(entry.type)} is not supported` };
  }
  if (purpose !== 'revocation' && purpose !== 'suspension') {
    return { kind: 'unchecked', detail: `status purpose ${String(purpose)} is not supported` };
  }
  const index = Number(entry.statusListIndex);
  if (typeof url !== 'string' || !Number.isInteger(index) || index < 0) {
    return {
      kind: 'invalid',
      detail: 'statusListCredential or statusListIndex is missing or malformed',
    };
  }
  if (!deps.fetchStatusList)
    return { kind: 'unchecked', detail: `fetching status lists is not enabled (${url})` };
  let raw: unknown;
  try {
    raw = await deps.fetchStatusList(url);
  } catch (error) {
    return { kind: 'unchecked', detail: `${url}: ${describeError(error)}` };
  }
  const listResult = await deps.verifyStatusListCredential(raw);
  if (!listResult.verified || !listResult.credential) {
    const reasons = listResult.checks
      .filter((c) => c.outcome === 'failed')
      .map((c) => `${c.check}: ${c.detail ?? c.message}`);
    return { kind: 'invalid', detail: `status list ${url} did not verify (${reasons.join('; ')})` };
  }
  const subject = asArray(listResult.credential.credentialSubject).find(isObject);
  if (!asArray(listResult.credential.type).includes('BitstringStatusListCredential') || !subject) {
    return { kind: 'invalid', detail: `${url} is not a BitstringStatusListCredential` };
  }
  // §3.2: the list's purpose must match the entry's.
  if (!asArray(subject.statusPurpose).includes(purpose)) {
    return {
      kind: 'invalid',
      detail: `${url} is a ${String(subject.statusPurpose)} list, not ${purpose}`,
    };
  }
  try {
    const list = decodeStatusList(String(subject.encodedList));
    const set = getStatus(list, index);
    const detail = `${purpose} bit ${index} of ${url} is ${set ? 1 : 0}`;
    return set ? { kind: 'set', purpose, detail } : { kind: 'clear', detail };
  } catch (error) {
    return { kind: 'invalid', detail: `${url}: ${describeError(error)}` };
  }
}

/** Checks every status entry; revoked or suspended fails, an unreachable list warns. */
export async function checkStatus(
  state: VerificationState,
  deps: StatusCheckDeps,
): Promise<CheckResult> {
  const entries = asArray(state.credential.credentialStatus).filter(isObject);
  if (entries.length === 0) {
    return {
      check: 'status',
      outcome: 'skipped',
      message: 'This credential has no revocation status to check.',
    };
  }
  const verdicts = await Promise.all(entries.map((entry) => readEntry(entry, deps)));
  const detail = verdicts.map((v) => v.detail).join('; ');
  const set = verdicts.filter((v) => v.kind === 'set');
  if (set.some((v) => v.purpose === 'revocation')) {
    return {
      check: 'status',
      outcome: 'failed',
      message: 'This credential has been revoked by its issuer.',
      detail,
    };
  }
  if (set.length > 0) {
    return {
      check: 'status',
      outcome: 'failed',
      message: 'This credential is currently suspended by its issuer.',
      detail,
    };
  }
  if (verdicts.some((v) => v.kind === 'invalid')) {
    return {
      check: 'status',
      outcome: 'failed',
      message: 'The issuer’s revocation list could not be trusted.',
      detail,
    };
  }
  if (verdicts.some((v) => v.kind === 'unchecked')) {
    return {
      check: 'status',
      outcome: 'warning',
      message: 'Whether this credential was revoked could not be checked.',
      detail,
    };
  }
  return {
    check: 'status',
    outcome: 'passed',
    message: 'The issuer has not revoked or suspended this credential.',
    detail,
  };
}
