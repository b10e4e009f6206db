/**
 * The mastery model (issue 4 item 4), pure so every rule is tested on its own.
 *
 * Per learner and competency, the evidence recorded for it (quiz sub-scores, rubric-scored
 * submissions) decides one of three states:
 *
 * - `not-started`: no evidence from an assessment the rule counts;
 * - `in-progress`: some counted evidence, but the rule is not met yet;
 * - `mastered`: the rule is met.
 *
 * A piece of evidence *qualifies* when it comes from a counted assessment and clears the bar:
 * rubric-scored evidence (it has a `level`) must reach `minimumLevel` when the rule sets one;
 * otherwise, and for quiz evidence, its normalized score (0..1) must reach `cutScore`. Pieces are
 * *independent* when they come from different assessments: retaking the same quiz improves the
 * best score but never counts twice. The rule is met when at least `evidenceCount` different
 * assessments have qualifying evidence. Evidence never expires and a later lower score never
 * takes mastery away (self-paced: the best performance counts).
 *
 * A competency without a criterion falls back to `defaultMasteryRule`: any assessment, one piece,
 * cut score 0.8.
 */

export type EvidenceObservation = {
  id: string;
  assessmentId: string;
  sourceKind: 'quiz-attempt' | 'submission';
  sourceId: string;
  /** Normalized 0..1. */
  score: number;
  /** Rubric level reached, for rubric-scored evidence. */
  level: number | null;
  observedAt: Date;
};

export type MasteryRule = {
  /** The assessments that count; absent means any assessment. */
  assessmentIds?: readonly string[];
  cutScore?: number;
  minimumLevel?: number;
  evidenceCount: number;
};

export type MasteryState = 'not-started' | 'in-progress' | 'mastered';

export type CompetencyMastery = {
  state: MasteryState;
  /** Evidence from counted assessments, newest first. */
  evidence: EvidenceObservation[];
  /** The best qualifying piece of each assessment, i.e. what mastery rests on. */
  qualifying: EvidenceObservation[];
  bestScore: number | null;
  remaining: {
    /** Independent pieces still needed. */
    pieces: number;
    /** Counted assessments without qualifying evidence yet (empty when any assessment counts). */
    assessmentIds: string[];
  };
};

/** Scores are stored as fractions; a tiny tolerance keeps 0.8 ≥ 0.8 true after arithmetic. */
const EPSILON = 1e-9;

export const DEFAULT_MASTERY_CUT_SCORE = 0.8;

/** The rule for a competency that no criterion names. */
export function defaultMasteryRule(): MasteryRule {
  return { cutScore: DEFAULT_MASTERY_CUT_SCORE, evidenceCount: 1 };
}

export function counts(rule: MasteryRule, evidence: EvidenceObservation): boolean {
  return !rule.assessmentIds || rule.assessmentIds.includes(evidence.assessmentId);
}

/** Whether one piece of evidence clears the rule's bar (see the module comment). */
export function qualifies(rule: MasteryRule, evidence: EvidenceObservation): boolean {
  if (!counts(rule, evidence)) return false;
  if (evidence.level !== null && rule.minimumLevel !== undefined)
    return evidence.level >= rule.minimumLevel;
  if (rule.cutScore !== undefined) return evidence.score + EPSILON >= rule.cutScore;
  return false;
}

function better(a: EvidenceObservation, b: EvidenceObservation): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return a.observedAt.getTime() < b.observedAt.getTime();
}

/** The mastery state of one competency under `rule`, given all of the learner's evidence for it. */
export function masteryOf(
  rule: MasteryRule,
  evidence: readonly EvidenceObservation[],
): CompetencyMastery {
  const counted = evidence
    .filter((e) => counts(rule, e))
    .sort((a, b) => b.observedAt.getTime() - a.observedAt.getTime());
  const bestPerAssessment = new Map<string, EvidenceObservation>();
  for (const e of counted) {
    if (!qualifies(rule, e)) continue;
    const current = bestPerAssessment.get(e.assessmentId);
    if (!current || better(e, current)) bestPerAssessment.set(e.assessmentId, e);
  }
  const qualifying = [...bestPerAssessment.values()];
  const pieces = Math.max(0, rule.evidenceCount - qualifying.length);
  const state: MasteryState =
    pieces === 0 ? 'mastered' : counted.length > 0 ? 'in-progress' : 'not-started';
  return {
    state,
    evidence: counted,
    qualifying,
    bestScore: counted.length > 0 ? Math.max(...counted.map((e) => e.score)) : null,
    remaining: {
      pieces,
      assessmentIds:
        pieces === 0 ? [] : (rule.assessmentIds ?? []).filter((id) => !bestPerAssessment.has(id)),
    },
  };
}

export type AchievementProgress<C> = {
  competencies: Array<{ criterion: C; mastery: CompetencyMastery }>;
  mastered: number;
  total: number;
  /** Every criterion is mastered (and there is at least one): the achievement is earned. */
  complete: boolean;
};

/**
 * Progress toward an achievement: the mastery of each of its criteria. An achievement without
 * criteria is never complete, so it is only ever awarded by hand.
 */
export function achievementProgress<C extends { competencyId: string; rule: MasteryRule }>(
  criteria: readonly C[],
  evidenceOf: (competencyId: string) => readonly EvidenceObservation[],
): AchievementProgress<C> {
  const competencies = criteria.map((criterion) => ({
    criterion,
    mastery: masteryOf(criterion.rule, evidenceOf(criterion.competencyId)),
  }));
  const mastered = competencies.filter((c) => c.mastery.state === 'mastered').length;
  return {
    competencies,
    mastered,
    total: criteria.length,
    complete: criteria.length > 0 && mastered === criteria.length,
  };
}

/**
 * Consecutive days (UTC) with any evidence, ending today or yesterday; a modest streak that a
 * missed day resets, with no penalty beyond that.
 */
export function activityStreak(days: readonly Date[], now: Date): number {
  const dayOf = (d: Date) => Math.floor(d.getTime() / 86_400_000);
  const active = new Set(days.map(dayOf));
  let day = dayOf(now);
  if (!active.has(day)) day -= 1;
  let streak = 0;
  while (active.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}
