import { and, asc, count, eq, isNull, max, ne, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { competencies, frameworks, occupations } from '../schema.ts';

export type EscoIndexState = {
  frameworkId: string;
  /** Changes whenever the framework is imported again or its rows change in number. */
  version: string;
};

/**
 * The platform's ESCO framework and what says its labels changed: the framework's own
 * `updatedAt` (set by every import), its rows' latest `updatedAt`, and the row counts.
 */
export async function findEscoIndexState(db: Db): Promise<EscoIndexState | undefined> {
  const [framework] = await db
    .select({ id: frameworks.id, updatedAt: frameworks.updatedAt })
    .from(frameworks)
    .where(and(eq(frameworks.source, 'esco'), isNull(frameworks.organizationId)))
    .orderBy(asc(frameworks.createdAt), asc(frameworks.id))
    .limit(1);
  if (!framework) return undefined;
  const [skills] = await db
    .select({ n: count(), latest: max(competencies.updatedAt) })
    .from(competencies)
    .where(eq(competencies.frameworkId, framework.id));
  const [jobs] = await db
    .select({ n: count() })
    .from(occupations)
    .where(eq(occupations.frameworkId, framework.id));
  const version = [
    framework.updatedAt.toISOString(),
    skills?.latest ? new Date(skills.latest).toISOString() : '-',
    skills?.n ?? 0,
    jobs?.n ?? 0,
  ].join('/');
  return { frameworkId: framework.id, version };
}

/** The framework's skills and knowledge concepts (not its skill groups), in a stable order. */
export async function listSkillLabels(db: Db, frameworkId: string, skillGroupType: string) {
  return db
    .select({
      id: competencies.id,
      uri: competencies.uri,
      statement: competencies.statement,
      altLabels: competencies.altLabels,
      description: competencies.description,
    })
    .from(competencies)
    .where(
      and(
        eq(competencies.frameworkId, frameworkId),
        or(isNull(competencies.type), ne(competencies.type, skillGroupType)),
      ),
    )
    .orderBy(asc(competencies.uri));
}

export async function listOccupationLabels(db: Db, frameworkId: string) {
  return db
    .select({
      id: occupations.id,
      uri: occupations.uri,
      preferredLabel: occupations.preferredLabel,
      altLabels: occupations.altLabels,
      description: occupations.description,
    })
    .from(occupations)
    .where(eq(occupations.frameworkId, frameworkId))
    .orderBy(asc(occupations.uri));
}
