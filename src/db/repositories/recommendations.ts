/** Queries behind goals and recommendations: the catalog, its change stamp, goals, hierarchy. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  achievementOffers,
  achievements,
  catalogVersion,
  competencyAssociations,
  learnerGoals,
  occupationSkills,
  occupations,
  organizations,
  pathways,
  roleProfiles,
} from '../schema.ts';

/**
 * The catalog's change counter: triggers (migration 0010) bump it on every change to achievements,
 * offers, criteria, pathways, competencies or their associations, in the changing transaction.
 */
export async function catalogStamp(db: Db): Promise<string> {
  const [row] = await db.select().from(catalogVersion).where(eq(catalogVersion.id, 1));
  return String(row?.version ?? 0);
}

/** Every active achievement with its issuer and recommendation metadata. */
export async function listCatalogAchievements(db: Db) {
  return db
    .select({
      id: achievements.id,
      name: achievements.name,
      organizationId: achievements.organizationId,
      issuerName: organizations.name,
      creditsAvailable: sql<
        number | null
      >`(${achievements.definition}->>'creditsAvailable')::float8`,
      workloadHours: sql<
        number | null
      >`(${achievements.definition}->'euElements'->>'notionalWorkloadHours')::float8`,
      prerequisiteIds: achievementOffers.prerequisiteIds,
      priceAmount: achievementOffers.priceAmount,
      priceCurrency: achievementOffers.priceCurrency,
    })
    .from(achievements)
    .innerJoin(organizations, eq(organizations.id, achievements.organizationId))
    .leftJoin(achievementOffers, eq(achievementOffers.achievementId, achievements.id))
    .where(isNull(achievements.archivedAt));
}

/**
 * (achievement, competency) pairs of active achievements: their alignments resolved to
 * competencies, their criteria competencies, and the ESCO exact matches of either.
 */
export async function listCatalogSkills(db: Db) {
  const result = (await db.execute(sql`
    with direct as (
      select a.id as achievement_id, c.id as competency_id
        from achievements a
        cross join lateral jsonb_array_elements(coalesce(a.definition->'alignments', '[]'::jsonb)) al
        join competencies c on c.uri = al->>'targetUrl'
       where a.archived_at is null
      union
      select ac.achievement_id, ac.competency_id
        from achievement_criteria ac
        join achievements a on a.id = ac.achievement_id
       where a.archived_at is null
    )
    select achievement_id, competency_id from direct
    union
    select d.achievement_id, coalesce(ca.destination_id, ca2.origin_id) as competency_id
      from direct d
      left join competency_associations ca
        on ca.origin_id = d.competency_id and ca.association_type in ('exactMatchOf', 'exactMatch')
      left join competency_associations ca2
        on ca2.destination_id = d.competency_id and ca2.association_type in ('exactMatchOf', 'exactMatch')
     where coalesce(ca.destination_id, ca2.origin_id) is not null`)) as unknown as {
    rows: Array<{ achievement_id: string; competency_id: string }>;
  };
  return result.rows.map((r) => ({
    achievementId: r.achievement_id,
    competencyId: r.competency_id,
  }));
}

export async function listActivePathwayStacks(db: Db) {
  return db
    .select({
      title: pathways.title,
      achievementId: pathways.achievementId,
      requirement: pathways.requirement,
    })
    .from(pathways)
    .where(isNull(pathways.archivedAt));
}

/** Broader skills (isChildOf targets) of these competencies. */
export async function listBroaderOf(db: Db, competencyIds: readonly string[]) {
  if (competencyIds.length === 0) return [];
  return db
    .select({
      childId: competencyAssociations.originId,
      parentId: competencyAssociations.destinationId,
    })
    .from(competencyAssociations)
    .where(
      and(
        eq(competencyAssociations.associationType, 'isChildOf'),
        inArray(competencyAssociations.originId, [...competencyIds]),
      ),
    );
}

export async function listOccupationSkillRows(db: Db, occupationId: string) {
  return db
    .select({ competencyId: occupationSkills.competencyId, relation: occupationSkills.relation })
    .from(occupationSkills)
    .where(eq(occupationSkills.occupationId, occupationId));
}

export async function findOccupationsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: occupations.id, uri: occupations.uri, label: occupations.preferredLabel })
    .from(occupations)
    .where(inArray(occupations.id, [...ids]));
}

export type LearnerGoalRow = typeof learnerGoals.$inferSelect;

export async function insertGoal(db: Db, row: typeof learnerGoals.$inferInsert) {
  const [inserted] = await db.insert(learnerGoals).values(row).returning();
  return inserted!;
}

export async function listGoalsOfAccount(db: Db, accountId: string) {
  return db
    .select()
    .from(learnerGoals)
    .where(eq(learnerGoals.accountId, accountId))
    .orderBy(desc(learnerGoals.createdAt));
}

export async function findGoal(db: Db, id: string) {
  const [row] = await db.select().from(learnerGoals).where(eq(learnerGoals.id, id));
  return row;
}

export async function deleteGoalRow(db: Db, id: string) {
  await db.delete(learnerGoals).where(eq(learnerGoals.id, id));
}

export async function findOffer(db: Db, achievementId: string) {
  const [row] = await db
    .select()
    .from(achievementOffers)
    .where(eq(achievementOffers.achievementId, achievementId));
  return row;
}

export async function upsertOffer(db: Db, row: typeof achievementOffers.$inferInsert) {
  const { achievementId: _id, ...values } = row;
  await db
    .insert(achievementOffers)
    .values(row)
    .onConflictDoUpdate({ target: achievementOffers.achievementId, set: values });
}

export async function roleProfileOwnerOf(db: Db, id: string) {
  const [row] = await db
    .select({ accountId: roleProfiles.accountId, organizationId: roleProfiles.organizationId })
    .from(roleProfiles)
    .where(eq(roleProfiles.id, id));
  return row;
}
