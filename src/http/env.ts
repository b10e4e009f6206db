import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/policy.ts';

/** Per-request values that middleware sets and handlers read. */
export type HttpEnv = {
  Variables: {
    ctx: AppContext;
    actor: Actor;
    /** Set when the actor came from the session cookie rather than a bearer token. */
    sessionToken: string | undefined;
    requestId: string;
  };
};

export type Api = OpenAPIHono<HttpEnv>;
