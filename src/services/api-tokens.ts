import { randomUUID } from 'node:crypto';
import type { ApiTokenRow } from '../db/repositories/api-tokens.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from '../db/repositories/api-tokens.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  type Actor,
  authorize,
  type OrganizationRole,
  rolesGrantableBy,
} from '../domain/policy.ts';
import { recordAudit } from './audit.ts';
import { newSecret } from './auth/secrets.ts';
import type { ServiceContext } from './context.ts';
import { getOrganization } from './organizations.ts';

export type ApiTokenView = {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

export function presentApiToken(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.displayPrefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export type NewApiToken = { name: string; role: OrganizationRole; expiresInDays?: number };

/** The secret is returned here and never again: only its hash is stored. */
export async function createApiToken(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: NewApiToken,
): Promise<{ secret: string; token: ApiTokenView }> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:manage-tokens', organizationId: organization.id },
    'Only owners can create API tokens.',
  );
  if (!rolesGrantableBy(actor, organization.id).includes(input.role)) {
    throw new ValidationError(`You cannot create a token with the role "${input.role}".`, [
      { field: 'role', message: 'not grantable' },
    ]);
  }
  const { secret, hash } = newSecret('skm');
  const expiresAt = input.expiresInDays
    ? new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000)
    : null;
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertApiToken(tx, {
      id: randomUUID(),
      organizationId: organization.id,
      role: input.role,
      name: input.name,
      tokenHash: hash,
      displayPrefix: secret.slice(0, 10),
      createdBy: actor.kind === 'account' ? actor.accountId : null,
      expiresAt,
    });
    await recordAudit(tx, actor, 'api-token.created', {
      organizationId: organization.id,
      target: inserted.id,
      detail: { role: input.role, name: input.name },
    });
    return inserted;
  });
  return { secret, token: presentApiToken(row) };
}

export async function getApiTokens(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<ApiTokenView[]> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:manage-tokens', organizationId: organization.id },
    'Only owners can see API tokens.',
  );
  return (await listApiTokens(ctx.db, organization.id)).map(presentApiToken);
}

export async function revokeToken(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  tokenId: string,
): Promise<void> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:manage-tokens', organizationId: organization.id },
    'Only owners can revoke API tokens.',
  );
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, organization.id, tokenId, ctx.now()))) {
      throw new NotFoundError('No active API token with this id in this organization.');
    }
    await recordAudit(tx, actor, 'api-token.revoked', {
      organizationId: organization.id,
      target: tokenId,
    });
  });
}
