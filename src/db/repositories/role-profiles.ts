import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  competencies,
  occupationSkills,
  occupations,
  organizations,
  roleProfileSkills,
  roleProfiles,
} from '../schema.ts';

export type RoleProfileRow = typeof roleProfiles.$inferSelect;

export async function insertRoleProfile(db: Db, row: typeof roleProfiles.$inferInsert) {
  const [inserted] = await db.insert(roleProfiles).values(row).returning();
  return inserted!;
}

export async function updateRoleProfileRow(
  db: Db,
  id: string,
  values: Partial<typeof roleProfiles.$inferInsert>,
) {
  await db.update(roleProfiles).set(values).where(eq(roleProfiles.id, id));
}

export async function deleteRoleProfileRow(db: Db, id: string) {
  await db.delete(roleProfiles).where(eq(roleProfiles.id, id));
}

export async function replaceRoleProfileSkills(
  db: Db,
  roleProfileId: string,
  skills: ReadonlyArray<{ competencyId: string; importance: string; minLevel: string | null }>,
) {
  await db.delete(roleProfileSkills).where(eq(roleProfileSkills.roleProfileId, roleProfileId));
  if (skills.length === 0) return;
  await db
    .insert(roleProfileSkills)
    .values(skills.map((s, position) => ({ roleProfileId, position, ...s })));
}

/** Profiles with their owner's slug and source occupation, by id or by owner. */
function selectProfiles(db: Db) {
  return db
    .select({
      profile: roleProfiles,
      organizationSlug: organizations.slug,
      occupationUri: occupations.uri,
      occupationLabel: occupations.preferredLabel,
    })
    .from(roleProfiles)
    .leftJoin(organizations, eq(organizations.id, roleProfiles.organizationId))
    .leftJoin(occupations, eq(occupations.id, roleProfiles.sourceOccupationId));
}
export type RoleProfileListing = Awaited<ReturnType<typeof findRoleProfilesByIds>>[number];

export async function findRoleProfilesByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return selectProfiles(db).where(inArray(roleProfiles.id, [...ids]));
}

export async function listRoleProfilesOfOwner(
  db: Db,
  owner: { organizationId: string } | { accountId: string },
) {
  const condition =
    'organizationId' in owner
      ? eq(roleProfiles.organizationId, owner.organizationId)
      : and(eq(roleProfiles.accountId, owner.accountId), isNull(roleProfiles.organizationId));
  return selectProfiles(db).where(condition).orderBy(desc(roleProfiles.updatedAt));
}

/** The skills of many profiles at once, in profile order. */
export async function listSkillsOfProfiles(db: Db, profileIds: readonly string[]) {
  if (profileIds.length === 0) return [];
  return db
    .select({
      roleProfileId: roleProfileSkills.roleProfileId,
      competencyId: roleProfileSkills.competencyId,
      importance: roleProfileSkills.importance,
      minLevel: roleProfileSkills.minLevel,
      uri: competencies.uri,
      label: competencies.statement,
    })
    .from(roleProfileSkills)
    .innerJoin(competencies, eq(competencies.id, roleProfileSkills.competencyId))
    .where(inArray(roleProfileSkills.roleProfileId, [...profileIds]))
    .orderBy(asc(roleProfileSkills.roleProfileId), asc(roleProfileSkills.position));
}

export async function findOccupation(db: Db, id: string) {
  const [row] = await db.select().from(occupations).where(eq(occupations.id, id));
  return row;
}

/** An occupation's ESCO skill profile: essential first, then optional. */
export async function listOccupationSkills(db: Db, occupationId: string) {
  return db
    .select({
      competencyId: occupationSkills.competencyId,
      relation: occupationSkills.relation,
      uri: competencies.uri,
      label: competencies.statement,
    })
    .from(occupationSkills)
    .innerJoin(competencies, eq(competencies.id, occupationSkills.competencyId))
    .where(eq(occupationSkills.occupationId, occupationId))
    .orderBy(asc(occupationSkills.relation), asc(competencies.statement));
}

/** Competencies named by id or URI (the first match per URI wins when frameworks share one). */
export async function findCompetenciesByIdsOrUris(
  db: Db,
  ids: readonly string[],
  uris: readonly string[],
) {
  const rows = [];
  if (ids.length > 0)
    rows.push(
      ...(await db
        .select({ id: competencies.id, uri: competencies.uri, label: competencies.statement })
        .from(competencies)
        .where(inArray(competencies.id, [...ids]))),
    );
  if (uris.length > 0)
    rows.push(
      ...(await db
        .select({ id: competencies.id, uri: competencies.uri, label: competencies.statement })
        .from(competencies)
        .where(inArray(competencies.uri, [...uris]))),
    );
  return rows;
}
