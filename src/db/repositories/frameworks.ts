import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { competencies, competencyAssociations, frameworks, organizations } from '../schema.ts';

export type FrameworkRow = typeof frameworks.$inferSelect;
export type NewFramework = typeof frameworks.$inferInsert;

export async function insertFramework(db: Db, row: NewFramework): Promise<FrameworkRow> {
  const [inserted] = await db.insert(frameworks).values(row).returning();
  return inserted!;
}

export async function updateFramework(
  db: Db,
  id: string,
  changes: Partial<Omit<NewFramework, 'id' | 'organizationId' | 'createdAt'>>,
): Promise<FrameworkRow> {
  const [row] = await db.update(frameworks).set(changes).where(eq(frameworks.id, id)).returning();
  return row!;
}

export async function findFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id));
  return row;
}

/** By its source identifier; `organizationId` null is the platform's own (ESCO). */
export async function findFrameworkByIdentifier(
  db: Db,
  organizationId: string | null,
  identifier: string,
): Promise<FrameworkRow | undefined> {
  const [row] = await db
    .select()
    .from(frameworks)
    .where(
      and(
        organizationId === null
          ? isNull(frameworks.organizationId)
          : eq(frameworks.organizationId, organizationId),
        eq(frameworks.identifier, identifier),
      ),
    );
  return row;
}

/** Serializes imports of one framework (the unique index cannot, for org-less frameworks). */
export async function lockFrameworkIdentifier(db: Db, identifier: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`framework:${identifier}`}))`);
}

export type FrameworkListing = FrameworkRow & {
  organizationSlug: string | null;
  organizationName: string | null;
  competencyCount: number;
};

/** Frameworks with their owner and size in one query; `organizationId` narrows to one owner. */
export async function listFrameworks(db: Db, organizationId?: string): Promise<FrameworkListing[]> {
  const counts = db
    .select({ frameworkId: competencies.frameworkId, n: count().as('n') })
    .from(competencies)
    .groupBy(competencies.frameworkId)
    .as('counts');
  const rows = await db
    .select({
      framework: frameworks,
      organizationSlug: organizations.slug,
      organizationName: organizations.name,
      competencyCount: counts.n,
    })
    .from(frameworks)
    .leftJoin(organizations, eq(organizations.id, frameworks.organizationId))
    .leftJoin(counts, eq(counts.frameworkId, frameworks.id))
    .where(organizationId ? eq(frameworks.organizationId, organizationId) : undefined)
    .orderBy(asc(frameworks.title));
  return rows.map((row) => ({
    ...row.framework,
    organizationSlug: row.organizationSlug,
    organizationName: row.organizationName,
    competencyCount: Number(row.competencyCount ?? 0),
  }));
}

/** What a tree needs: every competency's label and every isChildOf link (two queries). */
export async function loadFrameworkHierarchy(db: Db, frameworkId: string) {
  const nodes = await db
    .select({
      id: competencies.id,
      statement: competencies.statement,
      code: competencies.code,
      type: competencies.type,
    })
    .from(competencies)
    .where(eq(competencies.frameworkId, frameworkId));
  const links = await db
    .select({
      childId: competencyAssociations.originId,
      parentId: competencyAssociations.destinationId,
      parentUri: competencyAssociations.destinationUri,
      sequenceNumber: competencyAssociations.sequenceNumber,
    })
    .from(competencyAssociations)
    .where(
      and(
        eq(competencyAssociations.frameworkId, frameworkId),
        eq(competencyAssociations.associationType, 'isChildOf'),
      ),
    );
  return {
    nodes,
    links: links
      .filter((link) => link.childId !== null)
      .map((link) => ({
        childId: link.childId!,
        // A link to the CFDocument (or an unknown parent) keeps its URI so roots keep their order.
        parentId: link.parentId ?? link.parentUri,
        sequenceNumber: link.sequenceNumber,
      })),
  };
}
