import type { MiddlewareHandler } from 'hono';
import { OAuthError } from '../../../domain/oauth/errors.ts';
import { principalOfAccessToken } from '../../../services/oauth/bearer.ts';
import type { Ob3Env } from './env.ts';
import { bearerChallenge, statusInfoResponse } from './status-info.ts';

/**
 * Authenticates an OB 3.0 API request by its OAuth access token (RFC 6750 §2.1, header only:
 * tokens in query strings end up in logs). API tokens and session cookies are not accepted
 * here: this API acts for a learner, through an app the learner approved.
 */
export function oauthBearer(): MiddlewareHandler<Ob3Env> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.header('WWW-Authenticate', bearerChallenge());
      return statusInfoResponse(
        c,
        401,
        'Send an OAuth 2.0 access token as "Authorization: Bearer <token>" (see /ims/ob/v3p0/discovery).',
      );
    }
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token)
      throw new OAuthError('invalid_request', 'The Authorization header must be "Bearer <token>".');
    c.set('principal', await principalOfAccessToken(c.get('ctx'), token));
    await next();
  };
}
