import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { statusLists } from '../schema.ts';

export type StatusListRow = typeof statusLists.$inferSelect;

export async function insertStatusList(
  db: Db,
  list: typeof statusLists.$inferInsert,
): Promise<StatusListRow> {
  const [row] = await db.insert(statusLists).values(list).returning();
  return row!;
}

export async function findStatusList(db: Db, id: string): Promise<StatusListRow | undefined> {
  const [row] = await db.select().from(statusLists).where(eq(statusLists.id, id));
  return row;
}

/**
 * The list new credentials take slots from: the oldest one that still has room, locked (FOR
 * UPDATE) for the caller's transaction so concurrent allocations never draw the same index.
 */
export async function findOpenStatusList(
  db: Db,
  organizationId: string,
  purpose: string,
  maxAllocated: number,
) {
  const [row] = await db
    .select()
    .from(statusLists)
    .where(
      and(
        eq(statusLists.organizationId, organizationId),
        eq(statusLists.purpose, purpose),
        sql`${statusLists.allocated} < ${maxAllocated}`,
      ),
    )
    .orderBy(asc(statusLists.createdAt))
    .limit(1)
    .for('update');
  return row;
}

export async function countAllocation(db: Db, listId: string, count = 1) {
  await db
    .update(statusLists)
    .set({ allocated: sql`${statusLists.allocated} + ${count}` })
    .where(eq(statusLists.id, listId));
}

/** Locks the row (FOR UPDATE) so concurrent revocations on one list never lose a bit. */
export async function lockStatusList(db: Db, id: string): Promise<StatusListRow | undefined> {
  const [row] = await db.select().from(statusLists).where(eq(statusLists.id, id)).for('update');
  return row;
}

export async function saveStatusBits(db: Db, id: string, bits: string, now: Date) {
  await db.update(statusLists).set({ bits, updatedAt: now }).where(eq(statusLists.id, id));
}
