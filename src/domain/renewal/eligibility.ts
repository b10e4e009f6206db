/**
 * Renewal eligibility (issue 6 item 4): which way a credential can be renewed, and whether a
 * learner's recertification attempts meet the cut score. Pure; services load the facts.
 */
import type { ExpiryState } from './reminders.ts';

/** An achievement's recertification rules (the optional `recertification` of its definition). */
export type RecertificationRules = {
  assessmentIds: readonly string[];
  /** 0..1; an attempt scoring at least this renews. Defaults to the assessment passing. */
  cutScore?: number;
  /** Hours of continuing education that renew, reviewed by an issuer or assessor. */
  continuingEducationHours?: number;
};

export const DEFAULT_CUT_SCORE = 0.7;

export type RenewalRoute = 'assessment' | 'continuing-education';

export type RenewalFacts = {
  expiry: ExpiryState;
  revoked: boolean;
  alreadyRenewed: boolean;
  rules: RecertificationRules | undefined;
};

export type RenewalEligibility =
  | { eligible: true; routes: RenewalRoute[] }
  | { eligible: false; reason: string };

/** Whether and how a credential can be renewed now. */
export function renewalEligibility(facts: RenewalFacts): RenewalEligibility {
  if (facts.revoked) return { eligible: false, reason: 'The credential was revoked.' };
  if (facts.alreadyRenewed)
    return { eligible: false, reason: 'The credential has already been renewed.' };
  if (facts.expiry === 'valid')
    return { eligible: false, reason: 'The credential is not yet in its renewal window.' };
  if (!facts.rules)
    return { eligible: false, reason: 'This achievement has no recertification rules.' };
  const routes: RenewalRoute[] = [];
  if (facts.rules.assessmentIds.length > 0) routes.push('assessment');
  if (facts.rules.continuingEducationHours !== undefined) routes.push('continuing-education');
  if (routes.length === 0)
    return { eligible: false, reason: 'This achievement has no recertification rules.' };
  return { eligible: true, routes };
}

export type RecertificationAttempt = {
  assessmentId: string;
  attemptId: string;
  score: number;
  observedAt: Date;
};

/**
 * The best attempt at a recertification assessment taken since the renewal window opened that
 * scores at least the cut score, or undefined. Attempts before the window do not count: they
 * show what the learner knew then, not now.
 */
export function qualifyingAttempt(
  attempts: readonly RecertificationAttempt[],
  rules: RecertificationRules,
  windowOpensAt: Date,
): RecertificationAttempt | undefined {
  const cut = rules.cutScore ?? DEFAULT_CUT_SCORE;
  const allowed = new Set(rules.assessmentIds);
  return attempts
    .filter(
      (a) =>
        allowed.has(a.assessmentId) &&
        a.observedAt.getTime() >= windowOpensAt.getTime() &&
        a.score >= cut,
    )
    .sort((a, b) => b.score - a.score)[0];
}
