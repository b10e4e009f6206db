import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessmentCompetencies, assessments } from '../schema.ts';

/** Project and peer-review rows of the shared `assessments` table (quizzes have their own code). */
export type AssessmentRow = typeof assessments.$inferSelect;

export const projectAssessmentKinds = ['project', 'peer-review'];

export async function insertProjectAssessment(
  db: Db,
  row: typeof assessments.$inferInsert,
  competencyIds: string[],
): Promise<AssessmentRow> {
  const [inserted] = await db.insert(assessments).values(row).returning();
  if (competencyIds.length > 0)
    await db
      .insert(assessmentCompetencies)
      .values(competencyIds.map((competencyId) => ({ assessmentId: row.id, competencyId })))
      .onConflictDoNothing();
  return inserted!;
}

export async function findProjectAssessment(
  db: Db,
  id: string,
): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), inArray(assessments.kind, projectAssessmentKinds)));
  return row;
}

export async function listProjectAssessments(
  db: Db,
  organizationId: string,
): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.organizationId, organizationId),
        inArray(assessments.kind, projectAssessmentKinds),
        isNull(assessments.archivedAt),
      ),
    )
    .orderBy(asc(assessments.title));
}
