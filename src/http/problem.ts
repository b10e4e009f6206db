import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../domain/errors.ts';

/** The one table from error codes to HTTP statuses and RFC 9457 titles. */
export const problemTypes: Record<ErrorCode, { status: ContentfulStatusCode; title: string }> = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  not_authenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Something went wrong on our side' },
};

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'For validation errors: each field that was refused and why.' }),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof problemSchema>;

export function problemFor(
  c: Context,
  code: ErrorCode,
  detail: string,
  fields?: ReadonlyArray<{ field: string; message: string }>,
): Response {
  const { status, title } = problemTypes[code];
  const body: Problem = {
    type: `/problems/${code}`,
    title,
    status,
    detail,
    instance: c.req.path,
    code,
    requestId: c.get('requestId'),
    ...(fields && fields.length > 0 ? { errors: [...fields] } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

/** Shared OpenAPI response entries, so every route documents its problems the same way. */
export function problemResponses(...statuses: number[]) {
  const content = { 'application/problem+json': { schema: problemSchema } };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: Object.values(problemTypes).find((p) => p.status === status)?.title ?? 'Error',
        content,
      },
    ]),
  );
}
