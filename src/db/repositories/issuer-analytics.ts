import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  assessments,
  competencies,
  competencyEvidence,
  credentialEvents,
  quizAttempts,
  reviews,
  submissions,
} from '../schema.ts';

/** Credential events of the organization per calendar month (UTC) and type. */
export async function countCredentialEventsByMonth(
  db: Db,
  organizationId: string,
  from: Date,
  until: Date,
): Promise<Array<{ month: string; type: string; count: number }>> {
  const month = sql<string>`to_char(date_trunc('month', ${credentialEvents.occurredAt} at time zone 'UTC'), 'YYYY-MM')`;
  const rows = await db
    .select({ month, type: credentialEvents.type, count: sql<number>`count(*)::int` })
    .from(credentialEvents)
    .where(
      and(
        eq(credentialEvents.organizationId, organizationId),
        gte(credentialEvents.occurredAt, from),
        lt(credentialEvents.occurredAt, until),
      ),
    )
    .groupBy(month, credentialEvents.type);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

type OutcomeRow = {
  assessmentId: string;
  title: string;
  kind: string;
  learnerId: string;
  firstStartedAt: Date;
  firstPassedAt: Date | null;
};

/**
 * Per quiz and learner: the first attempt's start and the first submitted attempt whose score
 * reached the quiz's pass score. Aggregated in SQL so the page never loads attempts one by one.
 */
export async function quizOutcomes(db: Db, organizationId: string): Promise<OutcomeRow[]> {
  const score = sql`(${quizAttempts.score} #>> '{}')::float`;
  const pass = sql`coalesce((${assessments.settings}->>'passScore')::float, 1)`;
  const rows = await db
    .select({
      assessmentId: assessments.id,
      title: assessments.title,
      kind: assessments.kind,
      learnerId: quizAttempts.learnerId,
      firstStartedAt: sql<Date>`min(${quizAttempts.startedAt})`,
      firstPassedAt: sql<Date | null>`min(${quizAttempts.submittedAt}) filter (where ${quizAttempts.submittedAt} is not null and ${score} + 1e-9 >= ${pass})`,
    })
    .from(quizAttempts)
    .innerJoin(assessments, eq(assessments.id, quizAttempts.assessmentId))
    .where(and(eq(assessments.organizationId, organizationId), eq(assessments.kind, 'quiz')))
    .groupBy(assessments.id, assessments.title, assessments.kind, quizAttempts.learnerId);
  return rows.map(asDates);
}

/**
 * Per project (or peer-reviewed task) and learner: the first submission, and when a submission was
 * first accepted, taken as the last review completed on it (the assessor's decision, or the peer
 * review that settled it).
 */
export async function submissionOutcomes(db: Db, organizationId: string): Promise<OutcomeRow[]> {
  const settledAt = sql`(select max(${reviews.completedAt}) from ${reviews} where ${reviews.submissionId} = ${submissions.id})`;
  const rows = await db
    .select({
      assessmentId: assessments.id,
      title: assessments.title,
      kind: assessments.kind,
      learnerId: submissions.learnerId,
      firstStartedAt: sql<Date>`min(${submissions.submittedAt})`,
      firstPassedAt: sql<Date | null>`min(coalesce(${settledAt}, ${submissions.submittedAt})) filter (where ${submissions.status} = 'accepted')`,
    })
    .from(submissions)
    .innerJoin(assessments, eq(assessments.id, submissions.assessmentId))
    .where(eq(assessments.organizationId, organizationId))
    .groupBy(assessments.id, assessments.title, assessments.kind, submissions.learnerId);
  return rows.map(asDates);
}

/** PGlite and node-postgres both may hand aggregates back as strings; make them dates. */
function asDates(row: OutcomeRow): OutcomeRow {
  return {
    ...row,
    firstStartedAt: new Date(row.firstStartedAt),
    firstPassedAt: row.firstPassedAt ? new Date(row.firstPassedAt) : null,
  };
}

/** Per competency and learner: the best score over the organization's assessments. */
export async function competencyBestScores(db: Db, organizationId: string) {
  const rows = await db
    .select({
      competencyId: competencies.id,
      statement: competencies.statement,
      learnerId: competencyEvidence.learnerId,
      bestScore: sql<number>`max((${competencyEvidence.score} #>> '{}')::float)`,
    })
    .from(competencyEvidence)
    .innerJoin(assessments, eq(assessments.id, competencyEvidence.assessmentId))
    .innerJoin(competencies, eq(competencies.id, competencyEvidence.competencyId))
    .where(eq(assessments.organizationId, organizationId))
    .groupBy(competencies.id, competencies.statement, competencyEvidence.learnerId);
  return rows.map((r) => ({ ...r, bestScore: Number(r.bestScore) }));
}
