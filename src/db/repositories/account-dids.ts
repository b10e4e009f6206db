import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accountDids } from '../schema.ts';

export type AccountDidRow = typeof accountDids.$inferSelect;

export async function findAccountDid(db: Db, did: string): Promise<AccountDidRow | undefined> {
  const [row] = await db.select().from(accountDids).where(eq(accountDids.did, did));
  return row;
}

/** Records a proven DID; a DID already proven by this account keeps its first date. */
export async function insertAccountDid(db: Db, row: AccountDidRow): Promise<void> {
  await db.insert(accountDids).values(row).onConflictDoNothing({ target: accountDids.did });
}

export async function listAccountDids(db: Db, accountId: string): Promise<AccountDidRow[]> {
  return db
    .select()
    .from(accountDids)
    .where(eq(accountDids.accountId, accountId))
    .orderBy(asc(accountDids.verifiedAt));
}

export async function deleteAccountDid(db: Db, accountId: string, did: string): Promise<boolean> {
  const rows = await db
    .delete(accountDids)
    .where(and(eq(accountDids.accountId, accountId), eq(accountDids.did, did)))
    .returning({ did: accountDids.did });
  return rows.length > 0;
}
