import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions } from '../schema.ts';

export async function insertSession(
  db: Db,
  session: { tokenHash: string; accountId: string; expiresAt: Date },
) {
  await db.insert(sessions).values(session);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
