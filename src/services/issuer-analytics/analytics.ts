/**
 * Issuer analytics for an organization's owners and issuers: what happened to its credentials
 * month by month, how learners fare in its assessments, and the competencies they struggle with.
 */
import {
  competencyBestScores,
  countCredentialEventsByMonth,
  quizOutcomes,
  submissionOutcomes,
} from '../../db/repositories/issuer-analytics.ts';
import { ValidationError } from '../../domain/errors.ts';
import {
  type AssessmentStats,
  assessmentStats,
  type CompetencyStruggle,
  type CredentialEventType,
  eventsByMonth,
  eventTotals,
  type MonthRow,
  strugglingCompetencies,
} from '../../domain/issuer-analytics/aggregate.ts';
import { defaultMasteryRule } from '../../domain/learning/mastery.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';

export type IssuerAnalytics = {
  organization: { slug: string; name: string };
  from: string;
  to: string;
  months: MonthRow[];
  totals: Record<CredentialEventType, number>;
  assessments: AssessmentStats[];
  competencies: CompetencyStruggle[];
  /** The score a learner's best evidence must reach to count as mastered. */
  cutScore: number;
};

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The last twelve months up to `now` when no range is given. */
export function defaultRange(now: Date): { from: string; to: string } {
  const to = now.toISOString().slice(0, 7);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: start.toISOString().slice(0, 7), to };
}

function checkRange(from: string, to: string) {
  const fields: Array<{ field: string; message: string }> = [];
  if (!monthPattern.test(from))
    fields.push({ field: 'from', message: 'must be a month like 2026-01' });
  if (!monthPattern.test(to)) fields.push({ field: 'to', message: 'must be a month like 2026-12' });
  if (fields.length === 0 && from > to)
    fields.push({ field: 'from', message: 'must not be after to' });
  if (fields.length === 0) {
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    const [ty, tm] = to.split('-').map(Number) as [number, number];
    if ((ty - fy) * 12 + (tm - fm) >= 120)
      fields.push({ field: 'from', message: 'the range may span at most 120 months' });
  }
  if (fields.length > 0)
    throw new ValidationError(
      `Check the month range: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
      fields,
    );
}

export async function getIssuerAnalytics(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  range: { from?: string; to?: string } = {},
): Promise<IssuerAnalytics> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'analytics:read', organizationId: organization.id },
    'Only owners and issuers of the organization can read its analytics.',
  );
  const fallback = defaultRange(ctx.now());
  const from = range.from ?? fallback.from;
  const to = range.to ?? fallback.to;
  checkRange(from, to);
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const [counts, quizzes, projects, bests] = await Promise.all([
    countCredentialEventsByMonth(
      ctx.db,
      organization.id,
      new Date(`${from}-01T00:00:00Z`),
      new Date(Date.UTC(ty, tm, 1)),
    ),
    quizOutcomes(ctx.db, organization.id),
    submissionOutcomes(ctx.db, organization.id),
    competencyBestScores(ctx.db, organization.id),
  ]);
  const months = eventsByMonth(counts, from, to);
  const cutScore = defaultMasteryRule().cutScore ?? 0.8;
  return {
    organization: { slug: organization.slug, name: organization.name },
    from,
    to,
    months,
    totals: eventTotals(months),
    assessments: assessmentStats([...quizzes, ...projects]),
    competencies: strugglingCompetencies(bests, cutScore),
    cutScore,
  };
}
