import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { competencies, frameworks, rubrics } from '../schema.ts';

export type RubricRow = typeof rubrics.$inferSelect;

export async function insertRubric(db: Db, row: typeof rubrics.$inferInsert): Promise<RubricRow> {
  const [inserted] = await db.insert(rubrics).values(row).returning();
  return inserted!;
}

export async function findRubric(db: Db, id: string): Promise<RubricRow | undefined> {
  const [row] = await db.select().from(rubrics).where(eq(rubrics.id, id));
  return row;
}

export async function findRubrics(db: Db, ids: string[]): Promise<RubricRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(rubrics).where(inArray(rubrics.id, ids));
}

export async function listRubrics(db: Db, organizationId: string): Promise<RubricRow[]> {
  return db
    .select()
    .from(rubrics)
    .where(eq(rubrics.organizationId, organizationId))
    .orderBy(asc(rubrics.title), asc(rubrics.createdAt));
}

/** The competencies among `ids` with their framework's organization (null: platform-wide). */
export async function findCompetencyOwners(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; statement: string; organizationId: string | null }>> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: competencies.id,
      statement: competencies.statement,
      organizationId: frameworks.organizationId,
    })
    .from(competencies)
    .innerJoin(frameworks, eq(frameworks.id, competencies.frameworkId))
    .where(inArray(competencies.id, ids));
}
