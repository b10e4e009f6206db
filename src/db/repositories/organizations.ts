import { and, asc, eq } from 'drizzle-orm';
import type { OrganizationRole } from '../../domain/policy.ts';
import type { Db } from '../client.ts';
import { accountEmails, accounts, memberships, organizations } from '../schema.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

export async function insertOrganization(
  db: Db,
  organization: NewOrganization,
): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values(organization).returning();
  return row!;
}

export async function findOrganizationBySlug(
  db: Db,
  slug: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return row;
}

export async function updateOrganization(
  db: Db,
  id: string,
  changes: Partial<
    Pick<
      OrganizationRow,
      | 'name'
      | 'kind'
      | 'url'
      | 'email'
      | 'description'
      | 'imageUrl'
      | 'country'
      | 'officialIdentifiers'
    >
  >,
): Promise<OrganizationRow> {
  const [row] = await db
    .update(organizations)
    .set(changes)
    .where(eq(organizations.id, id))
    .returning();
  return row!;
}

export async function upsertMembership(
  db: Db,
  organizationId: string,
  accountId: string,
  role: OrganizationRole,
) {
  await db
    .insert(memberships)
    .values({ organizationId, accountId, role })
    .onConflictDoUpdate({
      target: [memberships.organizationId, memberships.accountId],
      set: { role },
    });
}

export async function deleteMembership(
  db: Db,
  organizationId: string,
  accountId: string,
): Promise<boolean> {
  const deleted = await db
    .delete(memberships)
    .where(
      and(eq(memberships.organizationId, organizationId), eq(memberships.accountId, accountId)),
    )
    .returning({ accountId: memberships.accountId });
  return deleted.length > 0;
}

/** Members with their primary email, in one query (no N+1). */
export async function listMembers(db: Db, organizationId: string) {
  return db
    .select({
      accountId: accounts.id,
      displayName: accounts.displayName,
      email: accountEmails.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .innerJoin(
      accountEmails,
      and(eq(accountEmails.accountId, accounts.id), eq(accountEmails.isPrimary, true)),
    )
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(accounts.displayName));
}

export async function countOwners(db: Db, organizationId: string): Promise<number> {
  const rows = await db
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')));
  return rows.length;
}

/** The organizations an account belongs to, for its actor and its navigation. */
export async function listMembershipsOfAccount(db: Db, accountId: string) {
  return db
    .select({
      organizationId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(organizations.name));
}

export async function findOrganizationById(
  db: Db,
  id: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}
