import { createRoute, z } from '@hono/zod-openapi';
import { createApiToken } from '../../../services/api-tokens.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, roleSchema, slugParamSchema } from '../../schemas.ts';
import { apiTokenSchema } from './api-token-schema.ts';

const bodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    role: roleSchema,
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .openapi('NewApiToken', {
    example: { name: 'LMS integration', role: 'issuer', expiresInDays: 365 },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/tokens',
  tags: ['API tokens'],
  summary:
    'Create an API token scoped to this organization and one role (owners); the secret is shown once',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: bodySchema } } },
  },
  responses: {
    201: {
      description: 'Created. Store `secret` now: it is never shown again.',
      content: {
        'application/json': { schema: z.object({ secret: z.string(), token: apiTokenSchema }) },
      },
    },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

export function mountCreateApiToken(app: Api) {
  app.openapi(route, async (c) => {
    const created = await createApiToken(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(created, 201);
  });
}
