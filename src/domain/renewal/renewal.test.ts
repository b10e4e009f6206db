import { describe, expect, it } from 'vitest';
import { qualifyingAttempt, renewalEligibility } from './eligibility.ts';
import { expiryStateOf, planReminders, renewalWindowOpensAt } from './reminders.ts';

const DAY = 86_400_000;
const validUntil = new Date('2027-01-01T00:00:00Z');
const daysBefore = (days: number) => new Date(validUntil.getTime() - days * DAY);

describe('reminder schedule', () => {
  it('plans one reminder per configured day count, largest first', () => {
    expect(planReminders(validUntil, daysBefore(365), [7, 90, 30])).toEqual([
      { days: 90, runAt: daysBefore(90) },
      { days: 30, runAt: daysBefore(30) },
      { days: 7, runAt: daysBefore(7) },
    ]);
  });

  it('skips reminders already past when the credential is issued', () => {
    expect(planReminders(validUntil, daysBefore(60)).map((r) => r.days)).toEqual([30, 7]);
    expect(planReminders(validUntil, daysBefore(3))).toEqual([]);
  });

  it('opens renewal at the largest reminder window and marks expiry', () => {
    expect(renewalWindowOpensAt(validUntil, [90, 30, 7])).toEqual(daysBefore(90));
    expect(expiryStateOf(validUntil, daysBefore(100))).toBe('valid');
    expect(expiryStateOf(validUntil, daysBefore(90))).toBe('expiring');
    expect(expiryStateOf(validUntil, validUntil)).toBe('expired');
    expect(expiryStateOf(null, validUntil)).toBe('valid');
  });
});

describe('renewal eligibility', () => {
  const rules = { assessmentIds: ['a'], cutScore: 0.8, continuingEducationHours: 10 };
  const facts = { expiry: 'expiring' as const, revoked: false, alreadyRenewed: false, rules };

  it('offers every route the achievement defines', () => {
    expect(renewalEligibility(facts)).toEqual({
      eligible: true,
      routes: ['assessment', 'continuing-education'],
    });
    expect(
      renewalEligibility({ ...facts, rules: { assessmentIds: [], continuingEducationHours: 5 } }),
    ).toEqual({ eligible: true, routes: ['continuing-education'] });
  });

  it('refuses revoked, renewed, not yet expiring credentials and achievements without rules', () => {
    for (const refused of [
      { ...facts, revoked: true },
      { ...facts, alreadyRenewed: true },
      { ...facts, expiry: 'valid' as const },
      { ...facts, rules: undefined },
    ])
      expect(renewalEligibility(refused).eligible).toBe(false);
  });

  it('counts only attempts since the window opened at or above the cut score', () => {
    const attempt = (score: number, ago: number, assessmentId = 'a') => ({
      assessmentId,
      attemptId: `${score}-${ago}`,
      score,
      observedAt: daysBefore(ago),
    });
    const opens = daysBefore(90);
    expect(qualifyingAttempt([attempt(0.9, 100), attempt(0.7, 10)], rules, opens)).toBeUndefined();
    expect(qualifyingAttempt([attempt(0.95, 5, 'other')], rules, opens)).toBeUndefined();
    expect(qualifyingAttempt([attempt(0.8, 10), attempt(0.9, 5)], rules, opens)?.score).toBe(0.9);
  });
});
