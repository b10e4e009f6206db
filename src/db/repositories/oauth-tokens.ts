import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { oauthGrants, oauthTokens } from '../schema.ts';

export type OAuthTokenRow = typeof oauthTokens.$inferSelect;

export async function insertOAuthTokens(
  db: Db,
  rows: Array<typeof oauthTokens.$inferInsert>,
): Promise<void> {
  await db.insert(oauthTokens).values(rows);
}

/** A token with the grant it belongs to (for its client, account and revocation). */
export async function findOAuthToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: oauthTokens, grant: oauthGrants })
    .from(oauthTokens)
    .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
    .where(eq(oauthTokens.tokenHash, tokenHash));
  return row;
}

/**
 * Rotation: marks a refresh token used in one statement, so it can be redeemed once only even
 * under concurrent requests. Returns false when it was already used or revoked.
 */
export async function markRefreshTokenUsed(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(oauthTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oauthTokens.tokenHash, tokenHash),
        eq(oauthTokens.kind, 'refresh'),
        isNull(oauthTokens.usedAt),
        isNull(oauthTokens.revokedAt),
      ),
    )
    .returning({ tokenHash: oauthTokens.tokenHash });
  return updated.length > 0;
}

export async function revokeOAuthToken(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(oauthTokens)
    .set({ revokedAt: now })
    .where(and(eq(oauthTokens.tokenHash, tokenHash), isNull(oauthTokens.revokedAt)));
}

/**
 * Expired tokens of a grant can never be used again; a used refresh token is kept until it
 * expires, so a replay is still recognised as theft until then.
 */
export async function deleteExpiredTokensOfGrant(db: Db, grantId: string, now: Date) {
  await db
    .delete(oauthTokens)
    .where(and(eq(oauthTokens.grantId, grantId), lt(oauthTokens.expiresAt, now)));
}
