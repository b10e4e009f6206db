import { and, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { issuedCredentials, walletCredentials } from '../schema.ts';
import type { IssuedCredentialRow } from './issued-credentials.ts';

export type WalletCredentialRow = typeof walletCredentials.$inferSelect;
export type NewWalletCredential = typeof walletCredentials.$inferInsert;

/** Filters of a learner's wallet list; all optional, combined with AND. */
export type WalletFilter = {
  /** Issuer id, or a case-insensitive part of the issuer's name. */
  issuer?: string;
  /** A case-insensitive part of an alignment's name, or its exact URL. */
  skill?: string;
  /** Issued on or after. */
  from?: Date;
  /** Issued on or before. */
  to?: Date;
  status?: string;
};

/**
 * Inserts an entry unless the account already holds the same content (same hash); either way
 * returns the stored row, so importing twice is harmless.
 */
export async function insertWalletCredential(
  db: Db,
  row: NewWalletCredential,
): Promise<{ row: WalletCredentialRow; created: boolean }> {
  const inserted = await db
    .insert(walletCredentials)
    .values(row)
    .onConflictDoNothing({ target: [walletCredentials.accountId, walletCredentials.contentHash] })
    .returning();
  if (inserted[0]) return { row: inserted[0], created: true };
  const existing = await findWalletCredentialByHash(db, row.accountId, row.contentHash);
  return { row: existing!, created: false };
}

export async function findWalletCredentialByHash(
  db: Db,
  accountId: string,
  contentHash: string,
): Promise<WalletCredentialRow | undefined> {
  const [row] = await db
    .select()
    .from(walletCredentials)
    .where(
      and(
        eq(walletCredentials.accountId, accountId),
        eq(walletCredentials.contentHash, contentHash),
      ),
    );
  return row;
}

/** One entry of one account's wallet; another account's entry is simply not found. */
export async function findWalletCredential(
  db: Db,
  accountId: string,
  id: string,
): Promise<WalletCredentialRow | undefined> {
  const [row] = await db
    .select()
    .from(walletCredentials)
    .where(and(eq(walletCredentials.id, id), eq(walletCredentials.accountId, accountId)));
  return row;
}

/** The account's wallet, newest first, filtered. */
export async function listWalletCredentials(
  db: Db,
  accountId: string,
  filter: WalletFilter = {},
  limit = 500,
): Promise<WalletCredentialRow[]> {
  const conditions: SQL[] = [eq(walletCredentials.accountId, accountId)];
  if (filter.issuer) {
    const like = `%${escapeLike(filter.issuer)}%`;
    conditions.push(
      sql`(${walletCredentials.issuerId} = ${filter.issuer} or ${walletCredentials.issuerName} ilike ${like})`,
    );
  }
  if (filter.skill) {
    const like = `%${escapeLike(filter.skill)}%`;
    conditions.push(
      sql`exists (select 1 from jsonb_array_elements(${walletCredentials.skills}) as s where s->>'name' ilike ${like} or s->>'url' = ${filter.skill})`,
    );
  }
  if (filter.from) conditions.push(gte(walletCredentials.issuedOn, filter.from));
  if (filter.to) conditions.push(lte(walletCredentials.issuedOn, filter.to));
  if (filter.status) conditions.push(eq(walletCredentials.status, filter.status));
  return db
    .select()
    .from(walletCredentials)
    .where(and(...conditions))
    .orderBy(desc(walletCredentials.addedAt), desc(walletCredentials.id))
    .limit(limit);
}

/** Every entry of an account, oldest first (for the account export). */
export async function listAllWalletCredentials(
  db: Db,
  accountId: string,
): Promise<WalletCredentialRow[]> {
  return db
    .select()
    .from(walletCredentials)
    .where(eq(walletCredentials.accountId, accountId))
    .orderBy(walletCredentials.addedAt, walletCredentials.id);
}

/** Caches a fresh verification of one entry. */
export async function updateWalletVerification(
  db: Db,
  id: string,
  changes: Pick<WalletCredentialRow, 'status' | 'verification' | 'verifiedAt'>,
): Promise<WalletCredentialRow | undefined> {
  const [row] = await db
    .update(walletCredentials)
    .set(changes)
    .where(eq(walletCredentials.id, id))
    .returning();
  return row;
}

export async function setWalletInPortfolio(
  db: Db,
  accountId: string,
  id: string,
  inPortfolio: boolean,
): Promise<WalletCredentialRow | undefined> {
  const [row] = await db
    .update(walletCredentials)
    .set({ inPortfolio })
    .where(and(eq(walletCredentials.id, id), eq(walletCredentials.accountId, accountId)))
    .returning();
  return row;
}

/** Removes one entry of one account; false when the account has no such entry. */
export async function deleteWalletCredential(
  db: Db,
  accountId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(walletCredentials)
    .where(and(eq(walletCredentials.id, id), eq(walletCredentials.accountId, accountId)))
    .returning({ id: walletCredentials.id });
  return rows.length > 0;
}

/** Ids of issued credentials already in the account's wallet (so claiming does not repeat work). */
export async function walletIssuedCredentialIds(db: Db, accountId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: walletCredentials.issuedCredentialId })
    .from(walletCredentials)
    .where(eq(walletCredentials.accountId, accountId));
  return new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Credentials issued here to any of these addresses or DIDs (the claimable ones). */
export async function listIssuedToRecipients(
  db: Db,
  recipients: { emails?: string[]; dids?: string[] },
): Promise<IssuedCredentialRow[]> {
  const emails = recipients.emails ?? [];
  const dids = recipients.dids ?? [];
  const conditions: SQL[] = [];
  if (emails.length > 0) conditions.push(inArray(issuedCredentials.recipientEmail, emails));
  if (dids.length > 0) conditions.push(inArray(issuedCredentials.recipientDid, dids));
  if (conditions.length === 0) return [];
  return db
    .select()
    .from(issuedCredentials)
    .where(or(...conditions))
    .orderBy(issuedCredentials.issuedAt);
}
