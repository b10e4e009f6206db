import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { achievements } from '../schema.ts';

export type AchievementRow = typeof achievements.$inferSelect;

export async function insertAchievement(
  db: Db,
  row: typeof achievements.$inferInsert,
): Promise<AchievementRow> {
  const [inserted] = await db.insert(achievements).values(row).returning();
  return inserted!;
}

export async function findAchievement(db: Db, id: string): Promise<AchievementRow | undefined> {
  const [row] = await db.select().from(achievements).where(eq(achievements.id, id));
  return row;
}

export async function listActiveAchievements(
  db: Db,
  organizationId: string,
): Promise<AchievementRow[]> {
  return db
    .select()
    .from(achievements)
    .where(and(eq(achievements.organizationId, organizationId), isNull(achievements.archivedAt)))
    .orderBy(asc(achievements.name));
}

export async function updateAchievement(
  db: Db,
  id: string,
  changes: Partial<
    Pick<AchievementRow, 'name' | 'achievementType' | 'definition' | 'updatedAt' | 'archivedAt'>
  >,
): Promise<AchievementRow> {
  const [row] = await db
    .update(achievements)
    .set(changes)
    .where(eq(achievements.id, id))
    .returning();
  return row!;
}
