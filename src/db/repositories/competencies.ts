import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import {
  competencies,
  competencyAssociations,
  frameworks,
  occupationSkills,
  occupations,
} from '../schema.ts';

export type CompetencyRow = typeof competencies.$inferSelect;
export type NewCompetency = typeof competencies.$inferInsert;
export type AssociationRow = typeof competencyAssociations.$inferSelect;
export type NewAssociation = typeof competencyAssociations.$inferInsert;

export async function insertCompetency(db: Db, row: NewCompetency): Promise<CompetencyRow> {
  const [inserted] = await db.insert(competencies).values(row).returning();
  return inserted!;
}

export async function findCompetency(db: Db, id: string): Promise<CompetencyRow | undefined> {
  const [row] = await db.select().from(competencies).where(eq(competencies.id, id));
  return row;
}

export async function updateCompetency(
  db: Db,
  id: string,
  changes: Partial<Omit<NewCompetency, 'id' | 'frameworkId'>>,
): Promise<CompetencyRow> {
  const [row] = await db
    .update(competencies)
    .set(changes)
    .where(eq(competencies.id, id))
    .returning();
  return row!;
}

export async function listCompetenciesOf(db: Db, frameworkId: string): Promise<CompetencyRow[]> {
  return db
    .select()
    .from(competencies)
    .where(eq(competencies.frameworkId, frameworkId))
    .orderBy(asc(competencies.sequenceNumber), asc(competencies.code), asc(competencies.statement));
}

/** Escapes LIKE wildcards so a search for "50%" means the text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Competencies whose statement, code or alternative labels contain `q` (case-insensitive). */
export async function searchCompetencies(
  db: Db,
  q: string,
  options: { frameworkId?: string; limit: number; offset: number },
) {
  const pattern = likePattern(q);
  return (
    db
      .select({
        competency: competencies,
        frameworkTitle: frameworks.title,
        attribution: frameworks.attribution,
      })
      .from(competencies)
      .innerJoin(frameworks, eq(frameworks.id, competencies.frameworkId))
      .where(
        and(
          options.frameworkId ? eq(competencies.frameworkId, options.frameworkId) : undefined,
          or(
            ilike(competencies.statement, pattern),
            ilike(competencies.code, pattern),
            sql`${competencies.altLabels}::text ilike ${pattern}`,
          ),
        ),
      )
      // Exact and prefix matches first, then shorter statements.
      .orderBy(
        sql`case when lower(${competencies.statement}) = lower(${q}) then 0 when ${competencies.statement} ilike ${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} then 1 else 2 end`,
        sql`length(${competencies.statement})`,
        asc(competencies.statement),
      )
      .limit(options.limit)
      .offset(options.offset)
  );
}

export async function insertAssociation(db: Db, row: NewAssociation): Promise<AssociationRow> {
  const [inserted] = await db.insert(competencyAssociations).values(row).returning();
  return inserted!;
}

export async function findAssociation(db: Db, id: string): Promise<AssociationRow | undefined> {
  const [row] = await db
    .select()
    .from(competencyAssociations)
    .where(eq(competencyAssociations.id, id));
  return row;
}

export async function deleteAssociation(db: Db, id: string): Promise<void> {
  await db.delete(competencyAssociations).where(eq(competencyAssociations.id, id));
}

/** The framework's isChildOf links, for cycle checks. */
export async function listChildLinks(db: Db, frameworkId: string) {
  const rows = await db
    .select({
      childId: competencyAssociations.originId,
      parentId: competencyAssociations.destinationId,
      sequenceNumber: competencyAssociations.sequenceNumber,
    })
    .from(competencyAssociations)
    .where(
      and(
        eq(competencyAssociations.frameworkId, frameworkId),
        eq(competencyAssociations.associationType, 'isChildOf'),
      ),
    );
  return rows.flatMap((r) =>
    r.childId && r.parentId
      ? [{ childId: r.childId, parentId: r.parentId, sequenceNumber: r.sequenceNumber }]
      : [],
  );
}

const origin = alias(competencies, 'origin');
const destination = alias(competencies, 'destination');

/** Every association of a framework with both ends' labels, for export (one query). */
export async function listAssociationsOf(db: Db, frameworkId: string) {
  return db
    .select({
      association: competencyAssociations,
      originIdentifier: origin.identifier,
      originStatement: origin.statement,
      destinationIdentifier: destination.identifier,
      destinationStatement: destination.statement,
    })
    .from(competencyAssociations)
    .leftJoin(origin, eq(origin.id, competencyAssociations.originId))
    .leftJoin(destination, eq(destination.id, competencyAssociations.destinationId))
    .where(eq(competencyAssociations.frameworkId, frameworkId))
    .orderBy(asc(competencyAssociations.identifier));
}

/** Associations touching a competency, from either end, with the other end's label. */
export async function listRelationsOf(db: Db, competencyId: string) {
  return db
    .select({
      association: competencyAssociations,
      originStatement: origin.statement,
      originCode: origin.code,
      destinationStatement: destination.statement,
      destinationCode: destination.code,
    })
    .from(competencyAssociations)
    .leftJoin(origin, eq(origin.id, competencyAssociations.originId))
    .leftJoin(destination, eq(destination.id, competencyAssociations.destinationId))
    .where(
      or(
        eq(competencyAssociations.originId, competencyId),
        eq(competencyAssociations.destinationId, competencyId),
      ),
    )
    .orderBy(
      asc(competencyAssociations.associationType),
      asc(competencyAssociations.sequenceNumber),
      asc(destination.statement),
      asc(origin.statement),
    )
    .limit(500);
}

/** Occupations that need the competency, essential ones first. */
export async function listOccupationsNeeding(db: Db, competencyId: string) {
  return db
    .select({
      id: occupations.id,
      uri: occupations.uri,
      preferredLabel: occupations.preferredLabel,
      code: occupations.code,
      relation: occupationSkills.relation,
    })
    .from(occupationSkills)
    .innerJoin(occupations, eq(occupations.id, occupationSkills.occupationId))
    .where(eq(occupationSkills.competencyId, competencyId))
    .orderBy(asc(occupationSkills.relation), asc(occupations.preferredLabel))
    .limit(500);
}
