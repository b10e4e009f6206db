import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { issuedCredentials } from '../schema.ts';

export type IssuedCredentialRow = typeof issuedCredentials.$inferSelect;

export async function insertIssuedCredential(db: Db, row: typeof issuedCredentials.$inferInsert) {
  await db.insert(issuedCredentials).values(row);
}

/** Many credentials in multi-row inserts (issue 9: one bulk-award batch). */
export async function insertIssuedCredentials(
  db: Db,
  rows: Array<typeof issuedCredentials.$inferInsert>,
) {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(issuedCredentials).values(rows.slice(i, i + 1000));
}

export async function findIssuedCredential(
  db: Db,
  id: string,
): Promise<IssuedCredentialRow | undefined> {
  const [row] = await db.select().from(issuedCredentials).where(eq(issuedCredentials.id, id));
  return row;
}

export async function listIssuedCredentials(
  db: Db,
  organizationId: string,
  limit = 100,
): Promise<IssuedCredentialRow[]> {
  return db
    .select()
    .from(issuedCredentials)
    .where(eq(issuedCredentials.organizationId, organizationId))
    .orderBy(desc(issuedCredentials.issuedAt))
    .limit(limit);
}

export async function updateIssuedCredentialStatus(
  db: Db,
  id: string,
  changes: Partial<Pick<IssuedCredentialRow, 'revokedAt' | 'suspendedAt'>>,
) {
  await db.update(issuedCredentials).set(changes).where(eq(issuedCredentials.id, id));
}
