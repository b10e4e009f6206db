/**
 * Stage: does this platform know the issuer? Unknown is a warning: anyone can
 * issue a valid credential, so a recruiter should know whether the issuer is vetted.
 */
import { describeError } from '../json-helpers.ts';
import type { CheckResult, IssuerTrustLookup, VerificationState } from '../verification-types.ts';

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
    const trust = await lookup(state.issuerId);
    if (trust === 'trusted') {
      return {
        check: 'trust',
        outcome: 'passed',
        message: 'The issuer is on the list of trusted issuers.',
        detail: state.issuerId,
      };
    }
    if (trust === 'known') {
      return {
        check: 'trust',
        outcome: 'passed',
        message: 'The issuer is known to this platform.',
        detail: state.issuerId,
      };
    }
    return {
      check: 'trust',
      outcome: 'warning',
      message:
        'The issuer is not known to this platform; check who they are before relying on this credential.',
      detail: state.issuerId,
    };
  } catch (error) {
    return {
      check: 'trust',
      outcome: 'warning',
      message: 'The issuer could not be looked up in the trusted issuers list.',
      detail: describeError(error),
    };
  }
}
