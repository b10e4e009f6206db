import { timingSafeEqual } from 'node:crypto';
import { findAccountById } from '../../db/repositories/accounts.ts';
import { findApiTokenByHash, touchApiToken } from '../../db/repositories/api-tokens.ts';
import { listMembershipsOfAccount } from '../../db/repositories/organizations.ts';
import { findLiveSession } from '../../db/repositories/sessions.ts';
import { NotAuthenticatedError } from '../../domain/errors.ts';
import type { Actor, OrganizationRole } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { hashSecret } from './secrets.ts';

/** The actor behind a session cookie, or anonymous when the session is unknown or expired. */
export async function actorFromSession(ctx: ServiceContext, sessionToken: string): Promise<Actor> {
  const session = await findLiveSession(ctx.db, hashSecret(sessionToken), ctx.now());
  if (!session) return { kind: 'anonymous' };
  return actorForAccount(ctx, session.accountId);
}

export async function actorForAccount(ctx: ServiceContext, accountId: string): Promise<Actor> {
  const [account, memberships] = await Promise.all([
    findAccountById(ctx.db, accountId),
    listMembershipsOfAccount(ctx.db, accountId),
  ]);
  if (!account) return { kind: 'anonymous' };
  return {
    kind: 'account',
    accountId,
    isAdmin: account.isAdmin,
    memberships: new Map(memberships.map((m) => [m.organizationId, m.role as OrganizationRole])),
  };
}

/**
 * The actor behind an `Authorization: Bearer` secret. A bearer that was sent but is wrong,
 * revoked or expired is an error (never silently anonymous), so clients learn at once.
 */
export async function actorFromBearer(ctx: ServiceContext, bearer: string): Promise<Actor> {
  if (ctx.adminToken && constantTimeEquals(bearer, ctx.adminToken)) return { kind: 'admin-token' };
  const token = await findApiTokenByHash(ctx.db, hashSecret(bearer));
  const now = ctx.now();
  if (!token) throw new NotAuthenticatedError('The API token is not valid.');
  if (token.revokedAt) throw new NotAuthenticatedError('The API token has been revoked.');
  if (token.expiresAt && token.expiresAt <= now)
    throw new NotAuthenticatedError('The API token has expired.');
  await touchApiToken(ctx.db, token.id, now);
  return {
    kind: 'api-token',
    tokenId: token.id,
    organizationId: token.organizationId,
    role: token.role as OrganizationRole,
  };
}

function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(hashSecret(a), 'hex');
  const right = Buffer.from(hashSecret(b), 'hex');
  return timingSafeEqual(left, right);
}
