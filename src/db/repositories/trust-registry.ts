import { asc, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organizations, trustedIssuers } from '../schema.ts';

export type TrustedIssuerRow = typeof trustedIssuers.$inferSelect;
export type NewTrustedIssuer = typeof trustedIssuers.$inferInsert;
export type TrustedIssuerChanges = Partial<
  Omit<NewTrustedIssuer, 'id' | 'kind' | 'organizationId' | 'did' | 'domain' | 'createdAt'>
>;

/** An entry with the slug of the organization it names (null for DID and domain entries). */
export type TrustedIssuerListing = TrustedIssuerRow & { organizationSlug: string | null };

export async function insertTrustedIssuer(
  db: Db,
  entry: NewTrustedIssuer,
): Promise<TrustedIssuerRow> {
  const [row] = await db.insert(trustedIssuers).values(entry).returning();
  return row!;
}

export async function updateTrustedIssuer(
  db: Db,
  id: string,
  changes: TrustedIssuerChanges,
): Promise<TrustedIssuerRow | undefined> {
  const [row] = await db
    .update(trustedIssuers)
    .set(changes)
    .where(eq(trustedIssuers.id, id))
    .returning();
  return row;
}

export async function deleteTrustedIssuer(
  db: Db,
  id: string,
): Promise<TrustedIssuerRow | undefined> {
  const [row] = await db.delete(trustedIssuers).where(eq(trustedIssuers.id, id)).returning();
  return row;
}

function selectListings(db: Db) {
  return db
    .select({ entry: trustedIssuers, organizationSlug: organizations.slug })
    .from(trustedIssuers)
    .leftJoin(organizations, eq(organizations.id, trustedIssuers.organizationId));
}

/** Every entry, by name, with the slug of its organization. */
export async function listTrustedIssuers(db: Db): Promise<TrustedIssuerListing[]> {
  const rows = await selectListings(db).orderBy(asc(trustedIssuers.name), asc(trustedIssuers.id));
  return rows.map((row) => ({ ...row.entry, organizationSlug: row.organizationSlug }));
}

/** One entry with the slug of its organization. */
export async function findTrustedIssuerListing(
  db: Db,
  id: string,
): Promise<TrustedIssuerListing | undefined> {
  const [row] = await selectListings(db).where(eq(trustedIssuers.id, id));
  return row ? { ...row.entry, organizationSlug: row.organizationSlug } : undefined;
}

/** The entries that name an issuer by any of the given keys (one query; at most three rows). */
export async function findTrustedIssuersMatching(
  db: Db,
  keys: { organizationId?: string; did?: string; domain?: string },
): Promise<TrustedIssuerRow[]> {
  const conditions: SQL[] = [];
  if (keys.organizationId) conditions.push(eq(trustedIssuers.organizationId, keys.organizationId));
  if (keys.did) conditions.push(eq(trustedIssuers.did, keys.did));
  if (keys.domain) conditions.push(eq(trustedIssuers.domain, keys.domain));
  if (conditions.length === 0) return [];
  return db
    .select()
    .from(trustedIssuers)
    .where(or(...conditions));
}
