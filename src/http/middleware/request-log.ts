import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../env.ts';

const validRequestId = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Gives each request an id (a caller's `X-Request-Id` is kept when sane, so one id follows a
 * request across a load balancer) and writes one log line per request: method, path without
 * query string (queries may carry secrets), status and duration. Bodies and headers are never logged.
 */
export function requestLog(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && validRequestId.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const logger = c.get('ctx').logger;
    const entry = {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (c.res.status >= 500) logger.error(entry, 'request failed');
    else logger.info(entry, 'request');
  };
}
