import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ForbiddenError } from '../../domain/errors.ts';
import { actorFromBearer, actorFromSession } from '../../services/auth/authenticate.ts';
import type { HttpEnv } from '../env.ts';

export const sessionCookieName = 'skillmark_session';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The OB 3.0 API and the OAuth endpoints authenticate on their own (OAuth access tokens, client
 * credentials in Basic auth) and answer in their standards' error shapes, so neither the session
 * cookie nor the API-token bearer is read there (src/http/routes/ob3).
 */
const ownAuthentication = /^\/(ims\/ob\/v3p0\/|oauth\/(register|token|revoke)$)/;

/**
 * Resolves who is calling: a bearer token (API token or the operator's admin token) or the
 * session cookie. Cookie-authenticated API writes must come from our own origin: browsers send
 * cookies cross-site, so without this a third-party page could act for a signed-in person.
 */
export function authenticate(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const ctx = c.get('ctx');
    const authorization = c.req.header('authorization');
    c.set('sessionToken', undefined);
    if (ownAuthentication.test(c.req.path)) {
      c.set('actor', { kind: 'anonymous' });
      return next();
    }
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (!bearer) throw new ForbiddenError('The Authorization header must be "Bearer <token>".');
      c.set('actor', await actorFromBearer(ctx, bearer));
      return next();
    }
    const sessionToken = getCookie(c, sessionCookieName);
    if (sessionToken) {
      const actor = await actorFromSession(ctx, sessionToken);
      c.set('actor', actor);
      if (actor.kind !== 'anonymous') c.set('sessionToken', sessionToken);
      if (
        actor.kind !== 'anonymous' &&
        c.req.path.startsWith('/api/') &&
        unsafeMethods.has(c.req.method)
      ) {
        assertSameOrigin(
          c.req.header('origin'),
          c.req.header('sec-fetch-site'),
          ctx.publicUrl,
          c.req.url,
        );
      }
      return next();
    }
    c.set('actor', { kind: 'anonymous' });
    return next();
  };
}

function assertSameOrigin(
  origin: string | undefined,
  fetchSite: string | undefined,
  publicUrl: string,
  requestUrl: string,
) {
  const allowed = new Set([new URL(publicUrl).origin, new URL(requestUrl).origin]);
  if (origin ? allowed.has(origin) : fetchSite === 'same-origin') return;
  throw new ForbiddenError(
    'Cross-site requests with a session cookie are refused; use an API token instead.',
  );
}
