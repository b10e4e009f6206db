import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { holderKeys } from '../schema.ts';

export type HolderKeyRow = typeof holderKeys.$inferSelect;

export async function findHolderKey(db: Db, accountId: string): Promise<HolderKeyRow | undefined> {
  const [row] = await db.select().from(holderKeys).where(eq(holderKeys.accountId, accountId));
  return row;
}

/**
 * Inserts the learner's key unless one exists (two first uses at once keep the first);
 * returns the row that is now stored.
 */
export async function insertHolderKeyOnce(
  db: Db,
  row: typeof holderKeys.$inferInsert,
): Promise<HolderKeyRow> {
  await db.insert(holderKeys).values(row).onConflictDoNothing({ target: holderKeys.accountId });
  return (await findHolderKey(db, row.accountId))!;
}
