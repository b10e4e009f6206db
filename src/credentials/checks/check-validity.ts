/**
 * Stage: is the credential within its validity period now? (VC-DATA-MODEL-2.0 §4.9
 * validFrom/validUntil; VC 1.1 issuanceDate/expirationDate for older credentials.)
 */
import type { CheckResult, VerificationState } from '../verification-types.ts';

function readDate(value: unknown, name: string): Date | string | undefined {
  if (value === undefined) return undefined;
  // XML Schema dateTimeStamp: an explicit time zone is required (VC-DATA-MODEL-2.0 §4.9).
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)
  ) {
    return `${name} "${String(value)}" is not a date-time with a time zone`;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? `${name} "${value}" is not a valid date` : date;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Compares validFrom/validUntil with the injected clock. */
export function checkValidity(state: VerificationState, now: Date): CheckResult {
  const { credential } = state;
  const from = readDate(credential.validFrom ?? credential.issuanceDate, 'validFrom');
  const until = readDate(credential.validUntil ?? credential.expirationDate, 'validUntil');
  if (typeof from === 'string' || typeof until === 'string') {
    const detail = typeof from === 'string' ? from : String(until);
    return {
      check: 'validity',
      outcome: 'failed',
      message: 'The credential’s dates are malformed.',
      detail,
    };
  }
  const detail = `now ${now.toISOString()}; validFrom ${from?.toISOString() ?? '-'}; validUntil ${until?.toISOString() ?? '-'}`;
  if (from instanceof Date && now < from) {
    return {
      check: 'validity',
      outcome: 'failed',
      message: `This credential is not valid yet: it becomes valid on ${day(from)}.`,
      detail,
    };
  }
  if (until instanceof Date && now > until) {
    return {
      check: 'validity',
      outcome: 'failed',
      message: `This credential expired on ${day(until)}.`,
      detail,
    };
  }
  const message =
    until instanceof Date
      ? `The credential is valid until ${day(until)}.`
      : 'The credential is currently valid and does not expire.';
  return { check: 'validity', outcome: 'passed', message, detail };
}
