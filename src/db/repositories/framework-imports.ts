/**
 * Multi-row upserts for imports (CASE packages, ESCO): one statement per batch, keyed by the
 * source's identifiers, so a re-import updates rows in place and never duplicates them.
 */
import { and, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { competencies, competencyAssociations, occupationSkills, occupations } from '../schema.ts';
import type { NewAssociation, NewCompetency } from './competencies.ts';

/** Upserts competencies by (framework, identifier); returns the id of each, new or kept. */
export async function upsertCompetencies(
  db: Db,
  rows: NewCompetency[],
): Promise<Array<{ id: string; identifier: string }>> {
  if (rows.length === 0) return [];
  return db
    .insert(competencies)
    .values(rows)
    .onConflictDoUpdate({
      target: [competencies.frameworkId, competencies.identifier],
      set: {
        uri: sql`excluded.uri`,
        statement: sql`excluded.statement`,
        abbreviatedStatement: sql`excluded.abbreviated_statement`,
        code: sql`excluded.code`,
        type: sql`excluded.type`,
        level: sql`excluded.level`,
        educationLevel: sql`excluded.education_level`,
        conceptKeywords: sql`excluded.concept_keywords`,
        altLabels: sql`excluded.alt_labels`,
        description: sql`excluded.description`,
        sequenceNumber: sql`excluded.sequence_number`,
        extra: sql`excluded.extra`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning({ id: competencies.id, identifier: competencies.identifier });
}

export async function upsertAssociations(db: Db, rows: NewAssociation[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(competencyAssociations)
    .values(rows)
    .onConflictDoUpdate({
      target: [competencyAssociations.frameworkId, competencyAssociations.identifier],
      set: {
        associationType: sql`excluded.association_type`,
        originId: sql`excluded.origin_id`,
        originUri: sql`excluded.origin_uri`,
        destinationId: sql`excluded.destination_id`,
        destinationUri: sql`excluded.destination_uri`,
        sequenceNumber: sql`excluded.sequence_number`,
        extra: sql`excluded.extra`,
      },
    });
}

/** Drops the framework's associations a re-import no longer contains. */
export async function deleteAssociationsNotIn(
  db: Db,
  frameworkId: string,
  identifiers: string[],
): Promise<void> {
  await db
    .delete(competencyAssociations)
    .where(
      and(
        eq(competencyAssociations.frameworkId, frameworkId),
        identifiers.length > 0
          ? notInArray(competencyAssociations.identifier, identifiers)
          : undefined,
      ),
    );
}

export async function upsertOccupations(
  db: Db,
  rows: Array<typeof occupations.$inferInsert>,
): Promise<Array<{ id: string; uri: string }>> {
  if (rows.length === 0) return [];
  return db
    .insert(occupations)
    .values(rows)
    .onConflictDoUpdate({
      target: [occupations.frameworkId, occupations.uri],
      set: {
        preferredLabel: sql`excluded.preferred_label`,
        altLabels: sql`excluded.alt_labels`,
        description: sql`excluded.description`,
        code: sql`excluded.code`,
        iscoGroup: sql`excluded.isco_group`,
      },
    })
    .returning({ id: occupations.id, uri: occupations.uri });
}

export async function upsertOccupationSkills(
  db: Db,
  rows: Array<typeof occupationSkills.$inferInsert>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(occupationSkills)
    .values(rows)
    .onConflictDoUpdate({
      target: [occupationSkills.occupationId, occupationSkills.competencyId],
      set: { relation: sql`excluded.relation` },
    });
}

/** Row counts of one framework's tables, for import reports and idempotency checks. */
export async function countFrameworkRows(db: Db, frameworkId: string) {
  const [c] = await db
    .select({ n: count() })
    .from(competencies)
    .where(eq(competencies.frameworkId, frameworkId));
  const [a] = await db
    .select({ n: count() })
    .from(competencyAssociations)
    .where(eq(competencyAssociations.frameworkId, frameworkId));
  const [o] = await db
    .select({ n: count() })
    .from(occupations)
    .where(eq(occupations.frameworkId, frameworkId));
  const occupationIds = db
    .select({ id: occupations.id })
    .from(occupations)
    .where(eq(occupations.frameworkId, frameworkId));
  const [s] = await db
    .select({ n: count() })
    .from(occupationSkills)
    .where(inArray(occupationSkills.occupationId, occupationIds));
  return {
    competencies: Number(c!.n),
    associations: Number(a!.n),
    occupations: Number(o!.n),
    occupationSkills: Number(s!.n),
  };
}
