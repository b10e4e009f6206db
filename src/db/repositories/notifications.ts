import { and, asc, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { notifications } from '../schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotification(
  db: Db,
  row: typeof notifications.$inferInsert,
): Promise<NotificationRow> {
  const [inserted] = await db.insert(notifications).values(row).returning();
  return inserted!;
}

export async function listNotifications(
  db: Db,
  options: { accountId?: string; limit?: number } = {},
): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(options.accountId ? eq(notifications.accountId, options.accountId) : undefined)
    .orderBy(desc(notifications.createdAt))
    .limit(options.limit ?? 100);
}

/**
 * Claims due messages by pushing their next attempt past a lease (one short statement; `skip
 * locked` so app servers never claim the same message), so slow sending holds no lock. A worker
 * that dies mid-send leaves the message to be retried when the lease ends.
 */
export async function claimDueNotifications(
  db: Db,
  now: Date,
  limit: number,
  leaseUntil: Date,
): Promise<NotificationRow[]> {
  const due = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(isNull(notifications.sentAt), lte(notifications.nextAttemptAt, now)))
    .orderBy(asc(notifications.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(notifications)
    .set({ nextAttemptAt: leaseUntil })
    .where(inArray(notifications.id, due))
    .returning();
}

export async function markNotificationSent(db: Db, id: string, sentAt: Date, attempts: number) {
  await db
    .update(notifications)
    .set({ sentAt, attempts, lastError: null })
    .where(eq(notifications.id, id));
}

export async function markNotificationFailed(
  db: Db,
  id: string,
  changes: { attempts: number; lastError: string; nextAttemptAt: Date },
) {
  await db.update(notifications).set(changes).where(eq(notifications.id, id));
}
