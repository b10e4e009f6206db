import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { oauthClients } from '../schema.ts';

export type OAuthClientRow = typeof oauthClients.$inferSelect;

export async function insertOAuthClient(
  db: Db,
  row: typeof oauthClients.$inferInsert,
): Promise<OAuthClientRow> {
  const [inserted] = await db.insert(oauthClients).values(row).returning();
  return inserted!;
}

export async function findOAuthClient(db: Db, id: string): Promise<OAuthClientRow | undefined> {
  const [row] = await db.select().from(oauthClients).where(eq(oauthClients.id, id));
  return row;
}
