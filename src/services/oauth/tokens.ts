import type { Db } from '../../db/client.ts';
import type { OAuthClientRow } from '../../db/repositories/oauth-clients.ts';
import {
  consumeAuthorizationCode,
  findOAuthGrant,
  revokeOAuthGrant,
} from '../../db/repositories/oauth-grants.ts';
import {
  deleteExpiredTokensOfGrant,
  findOAuthToken,
  insertOAuthTokens,
  markRefreshTokenUsed,
} from '../../db/repositories/oauth-tokens.ts';
import { OAuthError } from '../../domain/oauth/errors.ts';
import { verifierMatches } from '../../domain/oauth/pkce.ts';
import { parseScope, scopesOutside } from '../../domain/oauth/scopes.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  hashSecret,
  newOAuthSecret,
  REFRESH_TOKEN_TTL_SECONDS,
} from './secrets.ts';

/** RFC 6749 §5.1 successful token response. */
export type TokenResponse = {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
  scope: string;
};

/** The token request's form fields (RFC 6749 §4.1.3 and §6). */
export type TokenRequest = Partial<
  Record<
    'grant_type' | 'code' | 'redirect_uri' | 'code_verifier' | 'refresh_token' | 'scope',
    string
  >
>;

/** Dispatches on grant_type; the client is already authenticated. */
export async function requestToken(
  ctx: ServiceContext,
  client: OAuthClientRow,
  form: TokenRequest,
): Promise<TokenResponse> {
  if (form.grant_type === 'authorization_code') return exchangeCode(ctx, client, form);
  if (form.grant_type === 'refresh_token') {
    if (!client.grantTypes.includes('refresh_token'))
      throw new OAuthError(
        'unauthorized_client',
        'The client did not register the "refresh_token" grant type.',
      );
    return refreshTokens(ctx, client, form);
  }
  throw new OAuthError(
    'unsupported_grant_type',
    'grant_type must be "authorization_code" or "refresh_token".',
  );
}

const badCode = () =>
  new OAuthError('invalid_grant', 'The authorization code is invalid, expired or already used.');

/**
 * §4.1.3 with RFC 7636 §4.6: the code must be this client's, unexpired, unused, redeemed with
 * the same redirect URI and the verifier that hashes to its challenge. A second redemption
 * revokes everything issued under the grant (§4.1.2: the code has leaked).
 */
async function exchangeCode(
  ctx: ServiceContext,
  client: OAuthClientRow,
  form: TokenRequest,
): Promise<TokenResponse> {
  if (!form.code) throw new OAuthError('invalid_request', 'Send the authorization code as "code".');
  if (!form.code_verifier)
    throw new OAuthError('invalid_request', 'PKCE is required: send "code_verifier".');
  const now = ctx.now();
  // Every refusal is returned, not thrown, so that marking the code used still commits: a code
  // presented with a wrong verifier or redirect URI is burnt, never left for another attempt.
  const result = await ctx.db.transaction(
    async (tx): Promise<TokenResponse | { refused: OAuthError }> => {
      const consumed = await consumeAuthorizationCode(tx, hashSecret(form.code!), now);
      if (!consumed || consumed.code.clientId !== client.id) return { refused: badCode() };
      const { code } = consumed;
      if (consumed.alreadyUsed) {
        await revokeOAuthGrant(tx, code.grantId, undefined, now);
        await recordAudit(tx, `oauth-client:${client.id}`, 'oauth.code-reused', {
          target: code.grantId,
        });
        return { refused: badCode() };
      }
      if (code.expiresAt <= now) return { refused: badCode() };
      // The learner revoked the app after approving: the code dies with the approval.
      const grant = await findOAuthGrant(tx, code.grantId);
      if (!grant || (grant.revokedAt && grant.revokedAt >= code.createdAt))
        return { refused: badCode() };
      if (form.redirect_uri !== code.redirectUri)
        return {
          refused: new OAuthError(
            'invalid_grant',
            'redirect_uri must be the same as in the authorization request.',
          ),
        };
      if (!verifierMatches(form.code_verifier!, code.codeChallenge))
        return {
          refused: new OAuthError(
            'invalid_grant',
            'The code_verifier does not match the code_challenge.',
          ),
        };
      return issueTokens(tx, code.grantId, code.scope, client, now);
    },
  );
  if ('refused' in result) throw result.refused;
  return result;
}

/**
 * §6 with rotation (OAuth 2.0 Security BCP §2.2.2): each refresh token works once and is
 * replaced. Presenting a used one again means it was stolen, so the whole grant is revoked.
 */
async function refreshTokens(
  ctx: ServiceContext,
  client: OAuthClientRow,
  form: TokenRequest,
): Promise<TokenResponse> {
  if (!form.refresh_token)
    throw new OAuthError('invalid_request', 'Send the refresh token as "refresh_token".');
  const now = ctx.now();
  const tokenHash = hashSecret(form.refresh_token);
  const bad = new OAuthError('invalid_grant', 'The refresh token is invalid, expired or revoked.');
  const result = await ctx.db.transaction(
    async (tx): Promise<TokenResponse | { refused: OAuthError }> => {
      const found = await findOAuthToken(tx, tokenHash);
      if (found?.token.kind !== 'refresh' || found.grant.clientId !== client.id) throw bad;
      if (found.token.revokedAt || found.grant.revokedAt || found.token.expiresAt <= now) throw bad;
      if (!(await markRefreshTokenUsed(tx, tokenHash, now))) {
        await revokeOAuthGrant(tx, found.grant.id, undefined, now);
        await recordAudit(tx, `oauth-client:${client.id}`, 'oauth.refresh-token-reused', {
          target: found.grant.id,
        });
        return { refused: bad };
      }
      const granted = parseScope(found.token.scope);
      const asked = form.scope === undefined ? granted : parseScope(form.scope);
      if (asked.length === 0 || scopesOutside(asked, granted).length > 0)
        throw new OAuthError('invalid_scope', 'A refresh may only narrow the scopes granted.');
      return issueTokens(tx, found.grant.id, asked.join(' '), client, now);
    },
  );
  if ('refused' in result) throw result.refused;
  return result;
}

async function issueTokens(
  db: Db,
  grantId: string,
  scope: string,
  client: OAuthClientRow,
  now: Date,
): Promise<TokenResponse> {
  const access = newOAuthSecret('access');
  const refresh = client.grantTypes.includes('refresh_token')
    ? newOAuthSecret('refresh')
    : undefined;
  const after = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  const rows = [
    {
      tokenHash: access.hash,
      grantId,
      kind: 'access',
      scope,
      expiresAt: after(ACCESS_TOKEN_TTL_SECONDS),
      createdAt: now,
    },
  ];
  if (refresh)
    rows.push({
      tokenHash: refresh.hash,
      grantId,
      kind: 'refresh',
      scope,
      expiresAt: after(REFRESH_TOKEN_TTL_SECONDS),
      createdAt: now,
    });
  // Each issuance clears the grant's expired tokens, so a long-lived grant stays small.
  await deleteExpiredTokensOfGrant(db, grantId, now);
  await insertOAuthTokens(db, rows);
  await recordAudit(db, `oauth-client:${client.id}`, 'oauth.tokens-issued', {
    target: grantId,
    detail: { scope },
  });
  return {
    access_token: access.secret,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    ...(refresh ? { refresh_token: refresh.secret } : {}),
    scope,
  };
}
