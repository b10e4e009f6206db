import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { oauthAuthorizationCodes, oauthClients, oauthGrants, oauthTokens } from '../schema.ts';

export type OAuthGrantRow = typeof oauthGrants.$inferSelect;
export type OAuthCodeRow = typeof oauthAuthorizationCodes.$inferSelect;

/**
 * Records the learner's approval: one grant per (client, account). Approving again replaces the
 * scopes and lifts an earlier revocation; tokens revoked with it stay revoked.
 */
export async function upsertOAuthGrant(
  db: Db,
  row: { id: string; clientId: string; accountId: string; scope: string; approvedAt: Date },
): Promise<OAuthGrantRow> {
  const [grant] = await db
    .insert(oauthGrants)
    .values(row)
    .onConflictDoUpdate({
      target: [oauthGrants.clientId, oauthGrants.accountId],
      set: { scope: row.scope, approvedAt: row.approvedAt, revokedAt: null },
    })
    .returning();
  return grant!;
}

export async function findOAuthGrant(db: Db, id: string): Promise<OAuthGrantRow | undefined> {
  const [row] = await db.select().from(oauthGrants).where(eq(oauthGrants.id, id));
  return row;
}

/** The apps an account has authorized and not revoked, newest approval first, with the client. */
export async function listLiveGrantsOfAccount(db: Db, accountId: string) {
  return db
    .select({ grant: oauthGrants, client: oauthClients })
    .from(oauthGrants)
    .innerJoin(oauthClients, eq(oauthClients.id, oauthGrants.clientId))
    .where(and(eq(oauthGrants.accountId, accountId), isNull(oauthGrants.revokedAt)))
    .orderBy(desc(oauthGrants.approvedAt));
}

/** Revokes the grant and every token under it; false when it is not the account's live grant. */
export async function revokeOAuthGrant(
  db: Db,
  grantId: string,
  accountId: string | undefined,
  now: Date,
): Promise<boolean> {
  const conditions = [eq(oauthGrants.id, grantId), isNull(oauthGrants.revokedAt)];
  if (accountId) conditions.push(eq(oauthGrants.accountId, accountId));
  const revoked = await db
    .update(oauthGrants)
    .set({ revokedAt: now })
    .where(and(...conditions))
    .returning({ id: oauthGrants.id });
  await db
    .update(oauthTokens)
    .set({ revokedAt: now })
    .where(and(eq(oauthTokens.grantId, grantId), isNull(oauthTokens.revokedAt)));
  return revoked.length > 0;
}

export async function insertAuthorizationCode(
  db: Db,
  row: typeof oauthAuthorizationCodes.$inferInsert,
): Promise<void> {
  await db.insert(oauthAuthorizationCodes).values(row);
}

/**
 * Marks a code used and returns it, in one statement, so two concurrent redemptions cannot both
 * succeed. A code already used is returned with `alreadyUsed` so the caller can revoke the grant
 * (RFC 6749 §4.1.2: a reused code means it leaked).
 */
export async function consumeAuthorizationCode(
  db: Db,
  codeHash: string,
  now: Date,
): Promise<{ code: OAuthCodeRow; alreadyUsed: boolean } | undefined> {
  const [claimed] = await db
    .update(oauthAuthorizationCodes)
    .set({ usedAt: now })
    .where(
      and(eq(oauthAuthorizationCodes.codeHash, codeHash), isNull(oauthAuthorizationCodes.usedAt)),
    )
    .returning();
  if (claimed) return { code: claimed, alreadyUsed: false };
  const [used] = await db
    .select()
    .from(oauthAuthorizationCodes)
    .where(eq(oauthAuthorizationCodes.codeHash, codeHash));
  return used ? { code: used, alreadyUsed: true } : undefined;
}

/** Codes past their expiry are useless (even for reuse detection); the account's are dropped. */
export async function deleteExpiredCodesOfAccount(db: Db, accountId: string, now: Date) {
  await db
    .delete(oauthAuthorizationCodes)
    .where(
      and(
        eq(oauthAuthorizationCodes.accountId, accountId),
        lt(oauthAuthorizationCodes.expiresAt, now),
      ),
    );
}
