import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accounts } from '../schema.ts';

/** The OB 3.0 API's PUT /profile changes the learner's name; nothing else of the account. */
export async function updateAccountDisplayName(
  db: Db,
  accountId: string,
  displayName: string,
): Promise<void> {
  await db.update(accounts).set({ displayName }).where(eq(accounts.id, accountId));
}
