import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ZodError } from 'zod';
import type { AppContext } from '../context.ts';
import { VERIFICATION_LIMITS } from '../credentials/index.ts';
import { type ErrorCode, SkillmarkError } from '../domain/errors.ts';
import { mountWebPages } from '../web/routes.ts';
import { mountApiDocs } from './api-docs.ts';
import type { Api, HttpEnv } from './env.ts';
import { authenticate } from './middleware/authenticate.ts';
import { authenticationRule, rateLimit, verificationRule } from './middleware/rate-limit.ts';
import { requestLog } from './middleware/request-log.ts';
import { problemFor, problemTypes } from './problem.ts';
import { mountApiRoutes } from './routes/index.ts';

/**
 * Builds the whole HTTP application around one context. The middleware order is the request's
 * path through the layers: id and log → security headers → body limit → CORS → authentication →
 * route (validate → service → present) → problem+json on any error.
 */
export function createHttpApp(ctx: AppContext): Api {
  const app: Api = new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.error, result.target);
    },
  });
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  app.use('*', requestLog());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
      strictTransportSecurity: ctx.publicUrl.startsWith('https://')
        ? 'max-age=31536000; includeSubDomains'
        : false,
      // A response that sets its own policy keeps it: stricter ones (shared files, uploads) and
      // LTI pages an LMS frames and that post back to it (issue 11).
      overwrite: false,
    }),
  );
  // Uploads (project files, badge images) get their own, larger limit; each assessment then
  // enforces its own per-file limits on top.
  const uploadPaths = [
    /^\/assessments\/[^/]+\/submit$/,
    /^\/api\/v1\/project-assessments\/[^/]+\/submissions$/,
    /^\/(api\/v1\/me\/credentials|wallet)\/import$/,
    // Issue 9: award lists of a whole cohort (100,000 rows is a few megabytes of CSV).
    /^\/(api\/v1\/)?organizations\/[^/]+\/bulk-awards$/,
  ];
  // The public verifier takes files too, but only as large as verification ever reads.
  const verifyPaths = /^\/(api\/v1\/verify|verify(\/(file|text|report))?)$/;
  const limitFor = (path: string) =>
    verifyPaths.test(path)
      ? VERIFICATION_LIMITS.maxRequestBytes
      : uploadPaths.some((pattern) => pattern.test(path))
        ? ctx.config.uploadLimitBytes
        : ctx.config.bodyLimitBytes;
  app.use('*', async (c, next) => {
    const maxSize = limitFor(c.req.path);
    return bodyLimit({
      maxSize,
      onError: (inner) =>
        problemFor(inner, 'payload_too_large', `The body must be at most ${maxSize} bytes.`),
    })(c, next);
  });
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (ctx.config.corsOrigins.includes(origin) ? origin : null),
      credentials: true,
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
    }),
  );
  app.use('/api/*', requireJsonBody());
  app.use('*', authenticate());
  for (const path of ['/api/v1/sessions', '/api/v1/accounts', '/sign-in', '/sign-up']) {
    app.use(path, rateLimit(authenticationRule));
  }
  for (const path of ['/api/v1/verify', '/verify/file', '/verify/text', '/verify/report']) {
    app.use(path, rateLimit(verificationRule));
  }
  // GET /verify?url= fetches too (a certificate's QR code opens it); the bare form does not count.
  app.use('/verify', async (c, next) =>
    c.req.query('url') === undefined
      ? next()
      : rateLimit(verificationRule, { getsToo: true })(c, next),
  );

  mountApiRoutes(app);
  mountApiDocs(app);
  mountWebPages(app);

  app.notFound((c) => problemFor(c, 'not_found', `Nothing is at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    if (error instanceof SkillmarkError) {
      if (error.code === 'rate_limited' && 'retryAfterSeconds' in error)
        c.header('Retry-After', String(error.retryAfterSeconds));
      return problemFor(c, error.code, error.message, error.fields);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code: ErrorCode = /JSON/i.test(error.message)
        ? 'malformed_json'
        : codeForStatus(error.status);
      return problemFor(
        c,
        code,
        /JSON/i.test(error.message)
          ? 'The request body is not valid JSON. Check for a missing quote, comma or brace.'
          : error.message,
      );
    }
    // Unexpected: the stack goes to the log, never to the client.
    ctx.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return problemFor(
      c,
      'internal',
      `An unexpected error occurred. Quote request id ${c.get('requestId')} when reporting it.`,
    );
  });
  return app;
}

function validationProblem(
  c: Parameters<MiddlewareHandler<HttpEnv>>[0],
  error: ZodError,
  target: string,
) {
  const prefix = target === 'json' || target === 'form' ? '' : `${target}.`;
  const fields = error.issues.flatMap((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: `${prefix}${path ? `${path}.` : ''}${key}`,
        message: 'is not a known field',
      }));
    }
    return [{ field: `${prefix}${path || '(body)'}`, message: issue.message }];
  });
  const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
  return problemFor(c, 'validation_failed', `Check these fields: ${summary}.`, fields);
}

function codeForStatus(status: number): ErrorCode {
  const entry = Object.entries(problemTypes).find(([, type]) => type.status === status);
  return (entry?.[0] as ErrorCode | undefined) ?? 'validation_failed';
}

/** JSON endpoints refuse other bodies with 415, rather than reading them as an empty object. */
function requireJsonBody(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0';
    if (
      ['POST', 'PUT', 'PATCH'].includes(c.req.method) &&
      (hasBody || c.req.header('transfer-encoding'))
    ) {
      const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
        return problemFor(
          c,
          'unsupported_media_type',
          'Send the body as JSON with "Content-Type: application/json".',
        );
      }
    }
    return next();
  };
}
