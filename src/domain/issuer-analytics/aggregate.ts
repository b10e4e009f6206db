/**
 * Issuer analytics (issue 8 item 5), pure: the database hands over counts and per-learner facts;
 * these functions turn them into series, rates and rankings that the page, the API and the CSV
 * files share, so all three always agree.
 */
import { median as medianOf } from '../statistics.ts';

export const credentialEventTypes = [
  'issued',
  'claimed',
  'shared',
  'verified',
  'revoked',
  'suspended',
  'reinstated',
] as const;
export type CredentialEventType = (typeof credentialEventTypes)[number];

export type MonthlyCount = { month: string; type: string; count: number };
export type MonthRow = { month: string } & Record<CredentialEventType, number>;

/** Every month from `from` to `to` (YYYY-MM, inclusive), so quiet months show as zero. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export function eventsByMonth(counts: MonthlyCount[], from: string, to: string): MonthRow[] {
  const rows = new Map(
    monthsBetween(from, to).map((month) => [
      month,
      Object.fromEntries([
        ['month', month],
        ...credentialEventTypes.map((t) => [t, 0]),
      ]) as MonthRow,
    ]),
  );
  for (const { month, type, count } of counts) {
    const row = rows.get(month);
    if (row && (credentialEventTypes as readonly string[]).includes(type))
      row[type as CredentialEventType] += count;
  }
  return [...rows.values()];
}

export function eventTotals(rows: MonthRow[]): Record<CredentialEventType, number> {
  return Object.fromEntries(
    credentialEventTypes.map((t) => [t, rows.reduce((sum, row) => sum + row[t], 0)]),
  ) as Record<CredentialEventType, number>;
}

/** One learner's history with one assessment: when they started and when they first passed. */
export type LearnerOutcome = {
  assessmentId: string;
  title: string;
  kind: string;
  learnerId: string;
  firstStartedAt: Date;
  firstPassedAt: Date | null;
};

export type AssessmentStats = {
  assessmentId: string;
  title: string;
  kind: string;
  learners: number;
  passed: number;
  /** passed / learners, 0..1; null without learners. */
  passRate: number | null;
  /** Median days from the first start to the first pass, over learners who passed. */
  medianDaysToMastery: number | null;
};

const dayMs = 86_400_000;

export function assessmentStats(outcomes: LearnerOutcome[]): AssessmentStats[] {
  const groups = new Map<string, LearnerOutcome[]>();
  for (const o of outcomes) groups.set(o.assessmentId, [...(groups.get(o.assessmentId) ?? []), o]);
  return [...groups.values()]
    .map((group) => {
      const first = group[0]!;
      const passedDays = group
        .filter((o) => o.firstPassedAt)
        .map((o) => (o.firstPassedAt!.getTime() - o.firstStartedAt.getTime()) / dayMs);
      return {
        assessmentId: first.assessmentId,
        title: first.title,
        kind: first.kind,
        learners: group.length,
        passed: passedDays.length,
        passRate: group.length > 0 ? passedDays.length / group.length : null,
        medianDaysToMastery: median(passedDays),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title) || a.assessmentId.localeCompare(b.assessmentId));
}

/** The median to a tenth (days to mastery), or null without values. */
export function median(values: number[]): number | null {
  return values.length === 0 ? null : Math.round(medianOf(values) * 10) / 10;
}

/** A learner's best normalized score (0..1) on one competency, over all evidence. */
export type CompetencyBest = {
  competencyId: string;
  statement: string;
  learnerId: string;
  bestScore: number;
};

export type CompetencyStruggle = {
  competencyId: string;
  statement: string;
  learners: number;
  /** Learners whose best score reached the cut score. */
  reached: number;
  /** Share of learners below the cut score, 0..1: the ranking key. */
  struggleRate: number;
  averageBestScore: number;
};

/**
 * Competencies ranked by the share of learners whose best evidence stays below `cutScore`
 * (most struggled with first; more learners first on ties, so one unlucky learner does not
 * top the list).
 */
export function strugglingCompetencies(
  bests: CompetencyBest[],
  cutScore: number,
): CompetencyStruggle[] {
  const groups = new Map<string, CompetencyBest[]>();
  for (const b of bests) groups.set(b.competencyId, [...(groups.get(b.competencyId) ?? []), b]);
  return [...groups.values()]
    .map((group) => {
      const reached = group.filter((b) => b.bestScore + 1e-9 >= cutScore).length;
      const average = group.reduce((sum, b) => sum + b.bestScore, 0) / group.length;
      return {
        competencyId: group[0]!.competencyId,
        statement: group[0]!.statement,
        learners: group.length,
        reached,
        struggleRate: (group.length - reached) / group.length,
        averageBestScore: Math.round(average * 1000) / 1000,
      };
    })
    .sort(
      (a, b) =>
        b.struggleRate - a.struggleRate ||
        b.learners - a.learners ||
        a.statement.localeCompare(b.statement),
    );
}
