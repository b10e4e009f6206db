import { findOAuthToken } from '../../db/repositories/oauth-tokens.ts';
import { OAuthError } from '../../domain/oauth/errors.ts';
import { parseScope } from '../../domain/oauth/scopes.ts';
import type { ServiceContext } from '../context.ts';
import { hashSecret } from './secrets.ts';

/** Who an OB 3.0 API request acts for: the learner who approved the client, within its scopes. */
export type OAuthPrincipal = { accountId: string; clientId: string; scopes: string[] };

/**
 * Resolves an access token (RFC 6750). Unknown, expired and revoked tokens are all
 * invalid_token, each with its own description so a client developer knows what to do.
 */
export async function principalOfAccessToken(
  ctx: ServiceContext,
  bearer: string,
): Promise<OAuthPrincipal> {
  const found = await findOAuthToken(ctx.db, hashSecret(bearer));
  if (found?.token.kind !== 'access')
    throw new OAuthError('invalid_token', 'The access token is not valid.');
  if (found.token.revokedAt || found.grant.revokedAt)
    throw new OAuthError('invalid_token', 'The access token has been revoked.');
  if (found.token.expiresAt <= ctx.now())
    throw new OAuthError('invalid_token', 'The access token has expired; use the refresh token.');
  return {
    accountId: found.grant.accountId,
    clientId: found.grant.clientId,
    scopes: parseScope(found.token.scope),
  };
}

/** RFC 6750 §3.1: a token without the operation's scope is insufficient_scope (403). */
export function requireScope(principal: OAuthPrincipal, scope: string): void {
  if (!principal.scopes.includes(scope))
    throw new OAuthError(
      'insufficient_scope',
      `This operation needs the scope ${scope}; ask the learner to authorize it.`,
    );
}
