import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accountEmails, accounts } from '../schema.ts';

export type AccountRow = typeof accounts.$inferSelect;

export async function insertAccount(
  db: Db,
  account: {
    id: string;
    displayName: string;
    passwordHash: string;
    email: string;
    isAdmin?: boolean;
  },
): Promise<void> {
  await db.insert(accounts).values({
    id: account.id,
    displayName: account.displayName,
    passwordHash: account.passwordHash,
    isAdmin: account.isAdmin ?? false,
  });
  await db
    .insert(accountEmails)
    .values({ email: account.email, accountId: account.id, isPrimary: true });
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select({ account: accounts })
    .from(accountEmails)
    .innerJoin(accounts, eq(accounts.id, accountEmails.accountId))
    .where(eq(accountEmails.email, email));
  return row?.account;
}

export async function emailIsTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ email: accountEmails.email })
    .from(accountEmails)
    .where(eq(accountEmails.email, email));
  return row !== undefined;
}

export async function listAccountEmails(db: Db, accountId: string) {
  return db
    .select({
      email: accountEmails.email,
      isPrimary: accountEmails.isPrimary,
      verifiedAt: accountEmails.verifiedAt,
    })
    .from(accountEmails)
    .where(eq(accountEmails.accountId, accountId))
    .orderBy(accountEmails.createdAt);
}

export async function countAccounts(db: Db): Promise<number> {
  const rows = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return rows.length;
}
