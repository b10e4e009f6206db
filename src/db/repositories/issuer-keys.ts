import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { issuerKeys } from '../schema.ts';

export type IssuerKeyRow = typeof issuerKeys.$inferSelect;

const ofOwner = (organizationId: string | null) =>
  organizationId === null
    ? isNull(issuerKeys.organizationId)
    : eq(issuerKeys.organizationId, organizationId);

export async function insertIssuerKey(
  db: Db,
  key: typeof issuerKeys.$inferInsert,
): Promise<IssuerKeyRow> {
  const [row] = await db.insert(issuerKeys).values(key).returning();
  return row!;
}

/** The key that signs new credentials: the newest unretired one of that algorithm. */
export async function findActiveKey(
  db: Db,
  organizationId: string | null,
  algorithm: string,
): Promise<IssuerKeyRow | undefined> {
  const rows = await db
    .select()
    .from(issuerKeys)
    .where(
      and(
        ofOwner(organizationId),
        eq(issuerKeys.algorithm, algorithm),
        isNull(issuerKeys.retiredAt),
      ),
    )
    .orderBy(asc(issuerKeys.createdAt));
  return rows.at(-1);
}

/** Every key, retired ones included, oldest first: all of them stay resolvable. */
export async function listKeys(db: Db, organizationId: string | null): Promise<IssuerKeyRow[]> {
  return db
    .select()
    .from(issuerKeys)
    .where(ofOwner(organizationId))
    .orderBy(asc(issuerKeys.createdAt));
}

export async function retireActiveKeys(
  db: Db,
  organizationId: string | null,
  algorithm: string,
  now: Date,
) {
  await db
    .update(issuerKeys)
    .set({ retiredAt: now })
    .where(
      and(
        ofOwner(organizationId),
        eq(issuerKeys.algorithm, algorithm),
        isNull(issuerKeys.retiredAt),
      ),
    );
}

/** All Ed25519 public keys of every organization: how the platform recognises its own issuers. */
export async function findKeyOwnerByMultibase(db: Db, publicKeyMultibase: string) {
  const [row] = await db
    .select({ organizationId: issuerKeys.organizationId })
    .from(issuerKeys)
    .where(eq(issuerKeys.publicKeyMultibase, publicKeyMultibase));
  return row;
}
