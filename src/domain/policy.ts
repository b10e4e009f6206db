import { ForbiddenError, NotAuthenticatedError } from './errors.ts';

/**
 * The one place that decides who may do what. Every route asks `authorize` (or `can`) before it
 * acts; permissions are written one rule per line so a reviewer reads the whole policy at once.
 */

export const organizationRoles = ['owner', 'issuer', 'assessor', 'viewer'] as const;
export type OrganizationRole = (typeof organizationRoles)[number];

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      accountId: string;
      isAdmin: boolean;
      /** organization id → the person's role in it */
      memberships: ReadonlyMap<string, OrganizationRole>;
    }
  | { kind: 'api-token'; tokenId: string; organizationId: string; role: OrganizationRole }
  | { kind: 'admin-token' };

export type OrganizationAction =
  | 'organization:read'
  | 'organization:update'
  | 'organization:manage-members'
  | 'organization:manage-tokens'
  | 'organization:manage-integrations'
  | 'organization:read-audit'
  | 'achievement:manage'
  | 'credential:issue'
  | 'credential:revoke'
  | 'credential:bulk-award'
  | 'submission:review'
  | 'talent:search'
  | 'analytics:read'
  | 'role-profile:read'
  | 'role-profile:manage';

export type AccountAction = 'account:read' | 'account:update';
export type PlatformAction =
  | 'organization:create'
  | 'platform:administer'
  | 'trust-registry:manage';

const organizationPermissions: Record<OrganizationRole, ReadonlySet<OrganizationAction>> = {
  owner: new Set<OrganizationAction>([
    'organization:read',
    'organization:update',
    'organization:manage-members',
    'organization:manage-tokens',
    'organization:manage-integrations',
    'organization:read-audit',
    'achievement:manage',
    'credential:issue',
    'credential:revoke',
    'credential:bulk-award',
    'submission:review',
    'talent:search',
    'analytics:read',
    'role-profile:read',
    'role-profile:manage',
  ]),
  issuer: new Set<OrganizationAction>([
    'organization:read',
    'achievement:manage',
    'credential:issue',
    'credential:revoke',
    'credential:bulk-award',
    'submission:review',
    'talent:search',
    'analytics:read',
    'role-profile:read',
    'role-profile:manage',
  ]),
  assessor: new Set<OrganizationAction>(['organization:read', 'submission:review']),
  // Recruiters are typically given the viewer role: they search talent but change nothing.
  viewer: new Set<OrganizationAction>(['organization:read', 'talent:search', 'role-profile:read']),
};

export type Permission =
  | { action: OrganizationAction; organizationId: string }
  | { action: AccountAction; accountId: string }
  | { action: PlatformAction };

/** Whether `actor` may perform the action; pure, so it is tested exhaustively on its own. */
export function can(actor: Actor, permission: Permission): boolean {
  if (isPlatformAdmin(actor)) return true;
  if ('organizationId' in permission) {
    const role = roleIn(actor, permission.organizationId);
    return role !== undefined && organizationPermissions[role].has(permission.action);
  }
  if ('accountId' in permission) {
    return actor.kind === 'account' && actor.accountId === permission.accountId;
  }
  if (permission.action === 'organization:create') return actor.kind === 'account';
  return false;
}

/** Throws the error a client should see when `can` says no: 401 if nobody is signed in, else 403. */
export function authorize(actor: Actor, permission: Permission, refusal: string): void {
  if (can(actor, permission)) return;
  if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
  throw new ForbiddenError(refusal);
}

export function roleIn(actor: Actor, organizationId: string): OrganizationRole | undefined {
  if (actor.kind === 'account') return actor.memberships.get(organizationId);
  if (actor.kind === 'api-token' && actor.organizationId === organizationId) return actor.role;
  return undefined;
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === 'admin-token' || (actor.kind === 'account' && actor.isAdmin);
}

/** The roles a role may hand out: nobody grants more than they hold. */
export function rolesGrantableBy(
  actor: Actor,
  organizationId: string,
): readonly OrganizationRole[] {
  if (isPlatformAdmin(actor) || roleIn(actor, organizationId) === 'owner') return organizationRoles;
  return [];
}
