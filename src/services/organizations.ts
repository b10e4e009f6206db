import { randomUUID } from 'node:crypto';
import { findAccountByEmail } from '../db/repositories/accounts.ts';
import {
  countOwners,
  deleteMembership,
  findOrganizationBySlug,
  insertOrganization,
  listMembers,
  type OrganizationRow,
  updateOrganization,
  upsertMembership,
} from '../db/repositories/organizations.ts';
import { normalizeEmail, type OrganizationKind } from '../domain/accounts.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  type Actor,
  authorize,
  type OrganizationRole,
  rolesGrantableBy,
} from '../domain/policy.ts';
import { recordAudit } from './audit.ts';
import type { ServiceContext } from './context.ts';

export type OrganizationInput = {
  slug: string;
  name: string;
  kind: OrganizationKind;
  url?: string | null;
  email?: string | null;
  description?: string | null;
  imageUrl?: string | null;
  country?: string | null;
  officialIdentifiers?: Array<{ identifierType: string; identifier: string }>;
};

export type OrganizationView = {
  slug: string;
  name: string;
  kind: string;
  url: string | null;
  email: string | null;
  description: string | null;
  imageUrl: string | null;
  country: string | null;
  officialIdentifiers: Array<{ identifierType: string; identifier: string }>;
  createdAt: string;
};

export function presentOrganization(row: OrganizationRow): OrganizationView {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    url: row.url,
    email: row.email,
    description: row.description,
    imageUrl: row.imageUrl,
    country: row.country,
    officialIdentifiers: row.officialIdentifiers,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Any signed-in person may found an organization and becomes its first owner. */
export async function createOrganization(
  ctx: ServiceContext,
  actor: Actor,
  input: OrganizationInput,
): Promise<OrganizationRow> {
  authorize(
    actor,
    { action: 'organization:create' },
    'Only people signed in with an account can create organizations.',
  );
  return ctx.db.transaction(async (tx) => {
    if (await findOrganizationBySlug(tx, input.slug)) {
      throw new ConflictError(`The address "${input.slug}" is taken; choose another slug.`);
    }
    const organization = await insertOrganization(tx, { id: randomUUID(), ...input });
    if (actor.kind === 'account')
      await upsertMembership(tx, organization.id, actor.accountId, 'owner');
    await recordAudit(tx, actor, 'organization.created', {
      organizationId: organization.id,
      target: organization.slug,
    });
    return organization;
  });
}

/** Organization profiles are public: issuers are identified to anyone who checks a credential. */
export async function getOrganization(ctx: ServiceContext, slug: string): Promise<OrganizationRow> {
  const organization = await findOrganizationBySlug(ctx.db, slug);
  if (!organization) throw new NotFoundError(`There is no organization "${slug}".`);
  return organization;
}

export async function editOrganization(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  changes: Partial<Omit<OrganizationInput, 'slug'>>,
): Promise<OrganizationRow> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:update', organizationId: organization.id },
    'Only owners can change the organization.',
  );
  return ctx.db.transaction(async (tx) => {
    const updated = await updateOrganization(tx, organization.id, changes);
    await recordAudit(tx, actor, 'organization.updated', {
      organizationId: organization.id,
      detail: { fields: Object.keys(changes) },
    });
    return updated;
  });
}

export async function getMembers(ctx: ServiceContext, actor: Actor, slug: string) {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:read', organizationId: organization.id },
    'Only members can see the member list.',
  );
  const members = await listMembers(ctx.db, organization.id);
  return members.map((member) => ({ ...member, since: member.since.toISOString() }));
}

/** Adds an existing account by email, or changes its role if it is already a member. */
export async function setMember(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: { email: string; role: OrganizationRole },
): Promise<void> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:manage-members', organizationId: organization.id },
    'Only owners can manage members.',
  );
  if (!rolesGrantableBy(actor, organization.id).includes(input.role)) {
    throw new ValidationError(`You cannot grant the role "${input.role}".`, [
      { field: 'role', message: 'not grantable' },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, normalizeEmail(input.email));
    if (!account) {
      throw new ValidationError('No account uses this email. Ask the person to sign up first.', [
        { field: 'email', message: 'no account with this email' },
      ]);
    }
    await upsertMembership(tx, organization.id, account.id, input.role);
    await ensureAnOwnerRemains(tx, organization.id);
    await recordAudit(tx, actor, 'member.set', {
      organizationId: organization.id,
      target: account.id,
      detail: { role: input.role },
    });
  });
}

export async function removeMember(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  accountId: string,
): Promise<void> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:manage-members', organizationId: organization.id },
    'Only owners can manage members.',
  );
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteMembership(tx, organization.id, accountId))) {
      throw new NotFoundError('This person is not a member of the organization.');
    }
    await ensureAnOwnerRemains(tx, organization.id);
    await recordAudit(tx, actor, 'member.removed', {
      organizationId: organization.id,
      target: accountId,
    });
  });
}

/** Runs inside the transaction that changed memberships, so a refused change is rolled back whole. */
async function ensureAnOwnerRemains(db: ServiceContext['db'], organizationId: string) {
  if ((await countOwners(db, organizationId)) === 0) {
    throw new ConflictError(
      'An organization needs at least one owner. Make someone else owner first.',
    );
  }
}
