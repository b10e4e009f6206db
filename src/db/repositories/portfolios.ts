import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { portfolios, walletCredentials } from '../schema.ts';

export type PortfolioRow = typeof portfolios.$inferSelect;
export type PortfolioCredentialRow = typeof walletCredentials.$inferSelect;

export async function findPortfolio(db: Db, accountId: string): Promise<PortfolioRow | undefined> {
  const [row] = await db.select().from(portfolios).where(eq(portfolios.accountId, accountId));
  return row;
}

export async function findPortfolioBySlug(db: Db, slug: string): Promise<PortfolioRow | undefined> {
  const [row] = await db.select().from(portfolios).where(eq(portfolios.slug, slug));
  return row;
}

export async function slugIsTakenByOther(
  db: Db,
  slug: string,
  accountId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ accountId: portfolios.accountId })
    .from(portfolios)
    .where(and(eq(portfolios.slug, slug), ne(portfolios.accountId, accountId)));
  return row !== undefined;
}

export async function upsertPortfolio(
  db: Db,
  row: typeof portfolios.$inferInsert,
): Promise<PortfolioRow> {
  const [saved] = await db
    .insert(portfolios)
    .values(row)
    .onConflictDoUpdate({
      target: portfolios.accountId,
      set: {
        slug: row.slug,
        headline: row.headline ?? null,
        published: row.published ?? false,
        updatedAt: row.updatedAt,
      },
    })
    .returning();
  return saved!;
}

/** Only what the learner chose to show. */
export async function listPortfolioCredentials(
  db: Db,
  accountId: string,
): Promise<PortfolioCredentialRow[]> {
  return db
    .select()
    .from(walletCredentials)
    .where(and(eq(walletCredentials.accountId, accountId), eq(walletCredentials.inPortfolio, true)))
    .orderBy(asc(walletCredentials.issuedOn), asc(walletCredentials.addedAt));
}

/** Shows exactly `chosenIds` (of this learner's credentials) and hides every other one. */
export async function setPortfolioSelection(
  db: Db,
  accountId: string,
  chosenIds: string[],
): Promise<void> {
  await db
    .update(walletCredentials)
    .set({ inPortfolio: false })
    .where(eq(walletCredentials.accountId, accountId));
  if (chosenIds.length === 0) return;
  await db
    .update(walletCredentials)
    .set({ inPortfolio: true })
    .where(
      and(eq(walletCredentials.accountId, accountId), inArray(walletCredentials.id, chosenIds)),
    );
}
