import { OAuthError } from './errors.ts';
import { isValidS256Challenge } from './pkce.ts';
import { isRegisteredRedirectUri } from './redirect-uri.ts';
import { parseScope, scopesOutside } from './scopes.ts';

/** The query of GET /oauth/authorize (RFC 6749 §4.1.1 with RFC 7636 §4.3). */
export type AuthorizationQuery = Partial<
  Record<
    | 'response_type'
    | 'client_id'
    | 'redirect_uri'
    | 'scope'
    | 'state'
    | 'code_challenge'
    | 'code_challenge_method',
    string
  >
>;

export type AuthorizationRequest = {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge: string;
};

/**
 * The part of the request that must be right before anything may be sent back to the client:
 * §4.1.2.1 forbids redirecting to an unverified redirect URI, so these errors are shown to the
 * learner instead. With one registered URI, the parameter may be left out (§3.1.2.3).
 */
export function resolveRedirectUri(
  query: AuthorizationQuery,
  client: { redirectUris: readonly string[] } | undefined,
): string {
  if (!query.client_id) throw new OAuthError('invalid_request', 'The request has no client_id.');
  if (!client)
    throw new OAuthError(
      'invalid_client',
      `No app is registered with client_id ${query.client_id}.`,
    );
  if (query.redirect_uri === undefined) {
    if (client.redirectUris.length === 1) return client.redirectUris[0]!;
    throw new OAuthError('invalid_request', 'The request must name its redirect_uri.');
  }
  if (!isRegisteredRedirectUri(query.redirect_uri, client.redirectUris))
    throw new OAuthError(
      'invalid_request',
      `redirect_uri ${query.redirect_uri} is not one the app registered.`,
    );
  return query.redirect_uri;
}

/**
 * The rest of the checks; their errors go back to the client on its redirect URI (§4.1.2.1).
 * PKCE with S256 is required of every client (OAuth 2.0 Security BCP §2.1.1).
 */
export function validateAuthorizationRequest(
  query: AuthorizationQuery,
  client: { id: string; scope: string },
  redirectUri: string,
): AuthorizationRequest {
  if (query.response_type !== 'code')
    throw new OAuthError(
      'unsupported_response_type',
      'response_type must be "code" (the authorization code flow).',
    );
  if (!query.code_challenge)
    throw new OAuthError('invalid_request', 'PKCE is required: send code_challenge.');
  if (query.code_challenge_method !== 'S256')
    throw new OAuthError('invalid_request', 'code_challenge_method must be "S256".');
  if (!isValidS256Challenge(query.code_challenge))
    throw new OAuthError(
      'invalid_request',
      'code_challenge must be the 43-character base64url SHA-256 of the code verifier.',
    );
  const allowed = parseScope(client.scope);
  const scopes = query.scope === undefined ? allowed : parseScope(query.scope);
  if (scopes.length === 0) throw new OAuthError('invalid_scope', 'Ask for at least one scope.');
  const outside = scopesOutside(scopes, allowed);
  if (outside.length > 0)
    throw new OAuthError(
      'invalid_scope',
      `The app did not register these scopes: ${outside.join(', ')}.`,
    );
  return {
    clientId: client.id,
    redirectUri,
    scopes,
    state: query.state,
    codeChallenge: query.code_challenge,
  };
}
