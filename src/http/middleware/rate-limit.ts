import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { consumeRateLimit, type RateLimitRule } from '../../services/rate-limit.ts';
import type { HttpEnv } from '../env.ts';

/** Authentication attempts per client address: enough for people, too few for guessing. */
export const authenticationRule: RateLimitRule = { name: 'auth', limit: 10, windowSeconds: 60 };

/**
 * Public verifications per client address (issue 8): each may fetch a URL, keys and status lists,
 * so the verifier must not become anyone's fetching proxy or scraping tool.
 */
export const verificationRule: RateLimitRule = { name: 'verify', limit: 60, windowSeconds: 60 };

export function rateLimit(
  rule: RateLimitRule,
  options: { getsToo?: boolean } = {},
): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !options.getsToo) return next();
    await consumeRateLimit(c.get('ctx'), rule, clientAddress(c));
    return next();
  };
}

type AddressContext = Parameters<MiddlewareHandler<HttpEnv>>[0];

/** Behind a load balancer the socket address is the balancer's, so trust X-Forwarded-For only when told to. */
export function clientAddress(c: AddressContext): string {
  if (c.get('ctx').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests, app.request) have no socket.
    return 'local';
  }
}
