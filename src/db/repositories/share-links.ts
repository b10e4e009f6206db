import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { shareLinks, walletCredentials } from '../schema.ts';

export type ShareLinkRow = typeof shareLinks.$inferSelect;

export async function insertShareLink(
  db: Db,
  row: typeof shareLinks.$inferInsert,
): Promise<ShareLinkRow> {
  const [inserted] = await db.insert(shareLinks).values(row).returning();
  return inserted!;
}

/** The links of one credential, newest first (revoked ones too, so the owner sees the history). */
export async function listShareLinks(db: Db, walletCredentialId: string): Promise<ShareLinkRow[]> {
  return db
    .select()
    .from(shareLinks)
    .where(eq(shareLinks.walletCredentialId, walletCredentialId))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
}

/** Revokes one link of one credential; false when there is no such unrevoked link. */
export async function revokeShareLink(
  db: Db,
  walletCredentialId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(
      and(
        eq(shareLinks.id, id),
        eq(shareLinks.walletCredentialId, walletCredentialId),
        isNull(shareLinks.revokedAt),
      ),
    )
    .returning({ id: shareLinks.id });
  return rows.length > 0;
}

/** An unrevoked link and the credential it opens, counting the view; undefined otherwise. */
export async function openShareLink(
  db: Db,
  token: string,
): Promise<{ link: ShareLinkRow; credential: typeof walletCredentials.$inferSelect } | undefined> {
  const [row] = await db
    .select({ link: shareLinks, credential: walletCredentials })
    .from(shareLinks)
    .innerJoin(walletCredentials, eq(walletCredentials.id, shareLinks.walletCredentialId))
    .where(and(eq(shareLinks.token, token), isNull(shareLinks.revokedAt)));
  return row;
}

export async function countShareLinkView(db: Db, id: string): Promise<void> {
  await db
    .update(shareLinks)
    .set({ views: sql`${shareLinks.views} + 1` })
    .where(eq(shareLinks.id, id));
}
