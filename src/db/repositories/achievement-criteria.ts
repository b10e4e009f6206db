import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { achievementCriteria, achievements } from '../schema.ts';

export type AchievementCriterionRow = typeof achievementCriteria.$inferSelect;

export async function replaceAchievementCriteria(
  db: Db,
  achievementId: string,
  rows: ReadonlyArray<{ competencyId: string; rule: unknown }>,
): Promise<void> {
  await db.delete(achievementCriteria).where(eq(achievementCriteria.achievementId, achievementId));
  if (rows.length > 0)
    await db
      .insert(achievementCriteria)
      .values(
        rows.map((row) => ({ achievementId, competencyId: row.competencyId, rule: row.rule })),
      );
}

export async function listCriteriaOf(
  db: Db,
  achievementIds: readonly string[],
): Promise<AchievementCriterionRow[]> {
  if (achievementIds.length === 0) return [];
  return db
    .select()
    .from(achievementCriteria)
    .where(inArray(achievementCriteria.achievementId, [...achievementIds]));
}

/** Published achievements that have criteria (those that can be earned automatically). */
export async function listAchievementsWithCriteria(
  db: Db,
  options: { competencyIds?: readonly string[]; limit?: number } = {},
) {
  const conditions = [isNull(achievements.archivedAt)];
  if (options.competencyIds) {
    if (options.competencyIds.length === 0) return [];
    conditions.push(inArray(achievementCriteria.competencyId, [...options.competencyIds]));
  }
  return db
    .selectDistinct({
      id: achievements.id,
      name: achievements.name,
      organizationId: achievements.organizationId,
    })
    .from(achievementCriteria)
    .innerJoin(achievements, eq(achievements.id, achievementCriteria.achievementId))
    .where(and(...conditions))
    .orderBy(achievements.name, achievements.id)
    .limit(options.limit ?? 200);
}
