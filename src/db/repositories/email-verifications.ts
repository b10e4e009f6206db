import { and, eq, gt, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accountEmails, emailVerifications } from '../schema.ts';

export type EmailVerificationRow = typeof emailVerifications.$inferSelect;
export type AccountEmailRow = typeof accountEmails.$inferSelect;

export async function insertEmailVerification(
  db: Db,
  row: typeof emailVerifications.$inferInsert,
): Promise<void> {
  await db.insert(emailVerifications).values(row);
}

/**
 * Marks a verification used and returns it, in one statement, when it is unused and unexpired;
 * undefined otherwise, so a token works once even when two requests race.
 */
export async function consumeEmailVerification(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<EmailVerificationRow | undefined> {
  const [row] = await db
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailVerifications.tokenHash, tokenHash),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** An unused, unexpired verification, without using it (for the confirmation page). */
export async function findPendingEmailVerification(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<EmailVerificationRow | undefined> {
  const [row] = await db
    .select()
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.tokenHash, tokenHash),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    );
  return row;
}

/* Account addresses: the lifecycle of one address (added → verified → primary → removed). */

export async function findAccountEmail(
  db: Db,
  email: string,
): Promise<AccountEmailRow | undefined> {
  const [row] = await db.select().from(accountEmails).where(eq(accountEmails.email, email));
  return row;
}

export async function insertAccountEmail(
  db: Db,
  row: { email: string; accountId: string; createdAt: Date },
): Promise<void> {
  await db.insert(accountEmails).values({ ...row, isPrimary: false });
}

export async function markAccountEmailVerified(
  db: Db,
  accountId: string,
  email: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(accountEmails)
    .set({ verifiedAt: now })
    .where(and(eq(accountEmails.email, email), eq(accountEmails.accountId, accountId)))
    .returning({ email: accountEmails.email });
  return rows.length > 0;
}

/** Makes `email` the account's only primary address. */
export async function setPrimaryAccountEmail(
  db: Db,
  accountId: string,
  email: string,
): Promise<void> {
  await db
    .update(accountEmails)
    .set({ isPrimary: false })
    .where(and(eq(accountEmails.accountId, accountId), ne(accountEmails.email, email)));
  await db
    .update(accountEmails)
    .set({ isPrimary: true })
    .where(and(eq(accountEmails.accountId, accountId), eq(accountEmails.email, email)));
}

/** Removes a non-primary address of the account; false when there is none such. */
export async function deleteAccountEmail(
  db: Db,
  accountId: string,
  email: string,
): Promise<boolean> {
  const rows = await db
    .delete(accountEmails)
    .where(
      and(
        eq(accountEmails.accountId, accountId),
        eq(accountEmails.email, email),
        eq(accountEmails.isPrimary, false),
      ),
    )
    .returning({ email: accountEmails.email });
  return rows.length > 0;
}

/** The account that verified `email`, if any (credentials issued to it go to that wallet). */
export async function findVerifiedEmailOwner(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db
    .select({ accountId: accountEmails.accountId })
    .from(accountEmails)
    .where(and(eq(accountEmails.email, email), isNotNull(accountEmails.verifiedAt)));
  return row?.accountId;
}

export async function listVerifiedEmails(db: Db, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ email: accountEmails.email })
    .from(accountEmails)
    .where(and(eq(accountEmails.accountId, accountId), isNotNull(accountEmails.verifiedAt)));
  return rows.map((r) => r.email);
}
