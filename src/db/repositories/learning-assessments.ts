import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessmentCompetencies, assessments, competencies, frameworks } from '../schema.ts';

export type AssessmentRow = typeof assessments.$inferSelect;

export async function insertAssessment(
  db: Db,
  row: typeof assessments.$inferInsert,
  competencyIds: readonly string[],
): Promise<AssessmentRow> {
  const [inserted] = await db.insert(assessments).values(row).returning();
  if (competencyIds.length > 0)
    await db
      .insert(assessmentCompetencies)
      .values(competencyIds.map((competencyId) => ({ assessmentId: row.id, competencyId })));
  return inserted!;
}

export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
  return row;
}

export async function findAssessmentsByIds(
  db: Db,
  ids: readonly string[],
): Promise<AssessmentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(assessments)
    .where(inArray(assessments.id, [...ids]));
}

export async function listAssessmentsOfOrganization(
  db: Db,
  organizationId: string,
): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.organizationId, organizationId), isNull(assessments.archivedAt)))
    .orderBy(asc(assessments.title));
}

export async function addAssessmentCompetency(db: Db, assessmentId: string, competencyId: string) {
  await db
    .insert(assessmentCompetencies)
    .values({ assessmentId, competencyId })
    .onConflictDoNothing();
}

/** The competencies each assessment measures, in one query. */
export async function listAssessmentCompetencies(db: Db, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .select({
      assessmentId: assessmentCompetencies.assessmentId,
      competencyId: competencies.id,
      statement: competencies.statement,
      code: competencies.code,
    })
    .from(assessmentCompetencies)
    .innerJoin(competencies, eq(competencies.id, assessmentCompetencies.competencyId))
    .where(inArray(assessmentCompetencies.assessmentId, [...assessmentIds]))
    .orderBy(asc(competencies.statement));
}

export type CompetencySummary = {
  id: string;
  uri: string;
  statement: string;
  code: string | null;
  frameworkId: string;
  frameworkTitle: string;
  frameworkSource: string;
  frameworkOrganizationId: string | null;
  attribution: string | null;
};

const competencySummary = {
  id: competencies.id,
  uri: competencies.uri,
  statement: competencies.statement,
  code: competencies.code,
  frameworkId: frameworks.id,
  frameworkTitle: frameworks.title,
  frameworkSource: frameworks.source,
  frameworkOrganizationId: frameworks.organizationId,
  attribution: frameworks.attribution,
};

export async function findCompetencies(
  db: Db,
  ids: readonly string[],
): Promise<CompetencySummary[]> {
  if (ids.length === 0) return [];
  return db
    .select(competencySummary)
    .from(competencies)
    .innerJoin(frameworks, eq(frameworks.id, competencies.frameworkId))
    .where(inArray(competencies.id, [...ids]));
}

/** Competencies of the organization's own frameworks, for the issuer's pickers. */
export async function listCompetenciesOfOrganization(
  db: Db,
  organizationId: string,
  limit = 500,
): Promise<CompetencySummary[]> {
  return db
    .select(competencySummary)
    .from(competencies)
    .innerJoin(frameworks, eq(frameworks.id, competencies.frameworkId))
    .where(eq(frameworks.organizationId, organizationId))
    .orderBy(asc(frameworks.title), asc(competencies.sequenceNumber), asc(competencies.statement))
    .limit(limit);
}
