import { randomUUID } from 'node:crypto';
import type { OAuthClientRow } from '../../db/repositories/oauth-clients.ts';
import {
  deleteExpiredCodesOfAccount,
  insertAuthorizationCode,
  upsertOAuthGrant,
} from '../../db/repositories/oauth-grants.ts';
import {
  type AuthorizationQuery,
  type AuthorizationRequest,
  resolveRedirectUri,
  validateAuthorizationRequest,
} from '../../domain/oauth/authorization-request.ts';
import { OAuthError } from '../../domain/oauth/errors.ts';
import { redirectWith } from '../../domain/oauth/redirect-uri.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getClient } from './clients.ts';
import { AUTHORIZATION_CODE_TTL_SECONDS, newOAuthSecret } from './secrets.ts';

/**
 * What to do with an authorization request (RFC 6749 §4.1.1):
 * - `consent`: it is well formed; ask the learner.
 * - `redirect`: it is wrong in a way the client must learn, on its verified redirect URI.
 * - `refuse`: client or redirect URI cannot be trusted, so the learner is told instead (§4.1.2.1).
 */
export type AuthorizationOutcome =
  | { kind: 'consent'; client: OAuthClientRow; request: AuthorizationRequest }
  | { kind: 'redirect'; location: string }
  | { kind: 'refuse'; message: string };

export async function prepareAuthorization(
  ctx: ServiceContext,
  query: AuthorizationQuery,
): Promise<AuthorizationOutcome> {
  const client = query.client_id ? await getClient(ctx, query.client_id) : undefined;
  let redirectUri: string;
  try {
    redirectUri = resolveRedirectUri(query, client);
  } catch (error) {
    if (error instanceof OAuthError) return { kind: 'refuse', message: error.message };
    throw error;
  }
  try {
    return {
      kind: 'consent',
      client: client!,
      request: validateAuthorizationRequest(query, client!, redirectUri),
    };
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return {
      kind: 'redirect',
      location: redirectWith(redirectUri, {
        error: error.error,
        error_description: error.message,
        state: query.state,
        iss: issuerOf(ctx),
      }),
    };
  }
}

/**
 * The learner's answer on the consent page. Approval records the grant and a single-use code
 * bound to the client, redirect URI, PKCE challenge, scopes and account, in one transaction;
 * denial tells the client access_denied. Either way the result is where to send the browser.
 */
export async function decideAuthorization(
  ctx: ServiceContext,
  actor: Actor,
  query: AuthorizationQuery,
  approved: boolean,
): Promise<AuthorizationOutcome> {
  const prepared = await prepareAuthorization(ctx, query);
  if (prepared.kind !== 'consent') return prepared;
  const { request } = prepared;
  if (actor.kind !== 'account') throw new OAuthError('access_denied', 'Sign in first.');
  authorize(actor, { action: 'account:update', accountId: actor.accountId }, 'Sign in first.');
  if (!approved) {
    await recordAudit(ctx.db, actor, 'oauth.authorization-denied', { target: request.clientId });
    return {
      kind: 'redirect',
      location: redirectWith(request.redirectUri, {
        error: 'access_denied',
        error_description: 'The learner did not authorize the app.',
        state: request.state,
        iss: issuerOf(ctx),
      }),
    };
  }
  const now = ctx.now();
  const code = newOAuthSecret('code');
  const scope = request.scopes.join(' ');
  await ctx.db.transaction(async (tx) => {
    const grant = await upsertOAuthGrant(tx, {
      id: randomUUID(),
      clientId: request.clientId,
      accountId: actor.accountId,
      scope,
      approvedAt: now,
    });
    // Housekeeping where it is cheap: each approval clears the learner's expired codes.
    await deleteExpiredCodesOfAccount(tx, actor.accountId, now);
    await insertAuthorizationCode(tx, {
      codeHash: code.hash,
      grantId: grant.id,
      clientId: request.clientId,
      accountId: actor.accountId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scope,
      expiresAt: new Date(now.getTime() + AUTHORIZATION_CODE_TTL_SECONDS * 1000),
      createdAt: now,
    });
    await recordAudit(tx, actor, 'oauth.authorization-approved', {
      target: request.clientId,
      detail: { scope },
    });
  });
  return {
    kind: 'redirect',
    location: redirectWith(request.redirectUri, {
      code: code.secret,
      state: request.state,
      iss: issuerOf(ctx),
    }),
  };
}

/** RFC 9207: the issuer identifier in every authorization response defends against mix-up attacks. */
function issuerOf(ctx: ServiceContext): string {
  return ctx.publicUrl.replace(/\/$/, '');
}
