/**
 * OAuth errors carry the standard's own codes and JSON shape (`{ error, error_description }`,
 * RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 6750 §3.1), not our problem+json: OAuth clients parse these.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'unsupported_token_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'invalid_redirect_uri'
  | 'invalid_client_metadata'
  | 'invalid_token'
  | 'insufficient_scope';

const statusOf: Record<OAuthErrorCode, 400 | 401 | 403> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  unsupported_token_type: 400,
  invalid_scope: 400,
  access_denied: 403,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
  invalid_token: 401,
  insufficient_scope: 403,
};

export class OAuthError extends Error {
  readonly error: OAuthErrorCode;
  readonly status: 400 | 401 | 403;
  constructor(error: OAuthErrorCode, description: string) {
    super(description);
    this.name = 'OAuthError';
    this.error = error;
    this.status = statusOf[error];
  }

  toJSON() {
    return { error: this.error, error_description: this.message };
  }
}
