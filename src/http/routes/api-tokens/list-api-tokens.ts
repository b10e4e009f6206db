import { createRoute, z } from '@hono/zod-openapi';
import { getApiTokens } from '../../../services/api-tokens.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import { apiTokenSchema } from './api-token-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/tokens',
  tags: ['API tokens'],
  summary: "The organization's API tokens, without their secrets (owners)",
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The tokens',
      content: { 'application/json': { schema: z.object({ tokens: z.array(apiTokenSchema) }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

export function mountListApiTokens(app: Api) {
  app.openapi(route, async (c) => {
    return c.json(
      { tokens: await getApiTokens(c.get('ctx'), c.get('actor'), c.req.valid('param').slug) },
      200,
    );
  });
}
