/**
 * Stage: does this platform know the issuer? Unknown is a warning: anyone can
 * issue a valid credential, so a recruiter should know whether the issuer is vetted.
 */
import { describeError } from '../json-helpers.ts';
import type {
  CheckResult,
  IssuerTrustLookup,
  IssuerTrustVerdict,
  VerificationState,
} from '../verification-types.ts';

function entryDetail(issuerId: string, verdict: Exclude<IssuerTrustVerdict, string>): string {
  const { entry } = verdict;
  return [
    issuerId,
    `trust registry entry ${entry.id} (${entry.name})`,
    entry.accreditation,
    entry.validUntil ? `valid until ${entry.validUntil}` : undefined,
  ]
    .filter(Boolean)
    .join('; ');
}

/** The trust check's result for a registry verdict (shared by the OB 3.0 and OB 2.0 pipelines). */
export function trustResult(issuerId: string, verdict: IssuerTrustVerdict): CheckResult {
  if (typeof verdict === 'object') {
    const { entry } = verdict;
    if (verdict.trust === 'lapsed') {
      return {
        check: 'trust',
        outcome: 'warning',
        message: `The issuer is no longer trusted: the trusted issuers list entry “${entry.name}” ended${entry.validUntil ? ` on ${entry.validUntil}` : ''}.`,
        detail: entryDetail(issuerId, verdict),
      };
    }
    return {
      check: 'trust',
      outcome: 'passed',
      message: `The issuer is on the list of trusted issuers as “${entry.name}”${entry.accreditation ? ` (${entry.accreditation})` : ''}.`,
      detail: entryDetail(issuerId, verdict),
    };
  }
  if (verdict === 'trusted') {
    return {
      check: 'trust',
      outcome: 'passed',
      message: 'The issuer is on the list of trusted issuers.',
      detail: issuerId,
    };
  }
  // Anyone may open an organization here, so being hosted is not being vetted: only a registry
  // entry makes an issuer trusted; a hosted one is named as such but still a point to check.
  if (verdict === 'known') {
    return {
      check: 'trust',
      outcome: 'warning',
      message:
        'The issuer is an organization on this platform but not on its list of trusted issuers: check who they are before relying on this credential.',
      detail: issuerId,
    };
  }
  return {
    check: 'trust',
    outcome: 'warning',
    message:
      'The issuer is not known to this platform; check who they are before relying on this credential.',
    detail: issuerId,
  };
}

/** Looks the issuer up in the injected trust registry. */
export async function checkTrust(
  state: VerificationState,
  lookup: IssuerTrustLookup | undefined,
): Promise<CheckResult> {
  if (!lookup) {
    return {
      check: 'trust',
      outcome: 'skipped',
      message: 'No list of trusted issuers is configured.',
    };
  }
  try {
    return trustResult(state.issuerId, await lookup(state.issuerId));
  } catch (error) {
    return {
      check: 'trust',
      outcome: 'warning',
      message: 'The issuer could not be looked up in the trusted issuers list.',
      detail: describeError(error),
    };
  }
}
