/**
 * Expiry reminders and renewal windows (issue 6 item 4): pure date rules, so the job runner,
 * the services and the pages agree on when a credential is "expiring".
 */

/** Days before `validUntil` at which learners and issuers are reminded, unless configured. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [90, 30, 7];

const DAY_MS = 86_400_000;

export type PlannedReminder = { days: number; runAt: Date };

/**
 * The reminders to plan for a credential valid until `validUntil`, issued at `issuedAt`: one per
 * configured day count, at `validUntil − days`, skipping those already past when it is issued
 * (a 60-day credential gets its 30- and 7-day reminders, not a 90-day one). Largest first.
 */
export function planReminders(
  validUntil: Date,
  issuedAt: Date,
  reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS,
): PlannedReminder[] {
  const unique = [...new Set(reminderDays)].sort((a, b) => b - a);
  return unique
    .map((days) => ({ days, runAt: new Date(validUntil.getTime() - days * DAY_MS) }))
    .filter((reminder) => reminder.runAt.getTime() > issuedAt.getTime());
}

/** When renewal opens: the largest reminder window before expiry. */
export function renewalWindowOpensAt(
  validUntil: Date,
  reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS,
): Date {
  const largest = Math.max(0, ...reminderDays);
  return new Date(validUntil.getTime() - largest * DAY_MS);
}

export type ExpiryState = 'valid' | 'expiring' | 'expired';

/** Whether a credential is in its renewal window (`expiring`), past it (`expired`) or neither. */
export function expiryStateOf(
  validUntil: Date | null,
  now: Date,
  reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS,
): ExpiryState {
  if (!validUntil) return 'valid';
  if (validUntil.getTime() <= now.getTime()) return 'expired';
  return renewalWindowOpensAt(validUntil, reminderDays).getTime() <= now.getTime()
    ? 'expiring'
    : 'valid';
}

/** Whole days until `validUntil` (negative once expired), for messages. */
export function daysUntil(validUntil: Date, now: Date): number {
  return Math.ceil((validUntil.getTime() - now.getTime()) / DAY_MS);
}

/** The job dedupe key of one reminder: a reminder is planned, and sent, at most once. */
export function reminderDedupeKey(credentialId: string, days: number): string {
  return `reminder:${credentialId}:${days}`;
}
