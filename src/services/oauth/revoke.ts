import type { OAuthClientRow } from '../../db/repositories/oauth-clients.ts';
import { listLiveGrantsOfAccount, revokeOAuthGrant } from '../../db/repositories/oauth-grants.ts';
import { findOAuthToken, revokeOAuthToken } from '../../db/repositories/oauth-tokens.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { parseScope } from '../../domain/oauth/scopes.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { hashSecret } from './secrets.ts';

/**
 * RFC 7009 §2.1: the client revokes one of its own tokens. Revoking a refresh token also ends
 * the access tokens of its grant (§2.1 allows it, and the learner expects "revoked" to mean
 * revoked). An unknown token, or another client's, is answered 200 too (§2.2), revealing nothing.
 */
export async function revokeTokenOfClient(
  ctx: ServiceContext,
  client: OAuthClientRow,
  token: string,
): Promise<void> {
  const tokenHash = hashSecret(token);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const found = await findOAuthToken(tx, tokenHash);
    if (!found || found.grant.clientId !== client.id) return;
    if (found.token.kind === 'refresh') await revokeOAuthGrant(tx, found.grant.id, undefined, now);
    else await revokeOAuthToken(tx, tokenHash, now);
    await recordAudit(tx, `oauth-client:${client.id}`, 'oauth.token-revoked', {
      target: found.grant.id,
      detail: { kind: found.token.kind },
    });
  });
}

export type AuthorizedAppView = {
  grantId: string;
  clientName: string;
  clientUri: string;
  logoUri: string | null;
  clientId: string;
  scopes: string[];
  approvedAt: string;
};

/** The apps the signed-in learner has authorized. */
export async function listAuthorizedApps(
  ctx: ServiceContext,
  actor: Actor,
): Promise<AuthorizedAppView[]> {
  const accountId = ownAccount(actor);
  const rows = await listLiveGrantsOfAccount(ctx.db, accountId);
  return rows.map(({ grant, client }) => ({
    grantId: grant.id,
    clientId: client.id,
    clientName: client.clientName,
    clientUri: client.clientUri,
    logoUri: client.logoUri,
    scopes: parseScope(grant.scope),
    approvedAt: grant.approvedAt.toISOString(),
  }));
}

/** The learner withdraws an app's access: every token of that grant stops working at once. */
export async function revokeAuthorizedApp(
  ctx: ServiceContext,
  actor: Actor,
  grantId: string,
): Promise<void> {
  const accountId = ownAccount(actor);
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeOAuthGrant(tx, grantId, accountId, ctx.now())))
      throw new NotFoundError('That app is not among the apps you have authorized.');
    await recordAudit(tx, actor, 'oauth.grant-revoked', { target: grantId });
  });
}

function ownAccount(actor: Actor): string {
  const accountId = actor.kind === 'account' ? actor.accountId : '';
  authorize(actor, { action: 'account:update', accountId }, 'Sign in to manage your apps.');
  return accountId;
}
