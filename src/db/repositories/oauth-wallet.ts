import { and, count, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { walletCredentials } from '../schema.ts';

/**
 * A page of the wallet entries that are Open Badges 3.0 credentials (JSON, VC-JWT, or baked into
 * an image), for the OB 3.0 API's GET /credentials, with the total for X-Total-Count. OB 2.0
 * assertions and CLRs are other standards and are left out.
 */
export async function pageOb3WalletCredentials(
  db: Db,
  accountId: string,
  page: { limit: number; offset: number; since?: Date },
): Promise<{ total: number; rows: Array<{ content: string }> }> {
  const conditions: SQL[] = [
    eq(walletCredentials.accountId, accountId),
    inArray(walletCredentials.receivedAs, ['json', 'jwt', 'png', 'svg']),
  ];
  if (page.since) conditions.push(gt(walletCredentials.issuedOn, page.since));
  const where = and(...conditions);
  const [totals, rows] = await Promise.all([
    db.select({ total: count() }).from(walletCredentials).where(where),
    db
      .select({ content: walletCredentials.content })
      .from(walletCredentials)
      .where(where)
      .orderBy(desc(walletCredentials.addedAt), desc(walletCredentials.id))
      .limit(page.limit)
      .offset(page.offset),
  ]);
  return { total: totals[0]?.total ?? 0, rows };
}
