import { createRoute } from '@hono/zod-openapi';
import { getOrganization, presentOrganization } from '../../../services/organizations.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { organizationSchema, slugParamSchema } from '../../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}',
  tags: ['Organizations'],
  summary: "An organization's public profile",
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The organization',
      content: { 'application/json': { schema: organizationSchema } },
    },
    ...problemResponses(404),
  },
});

export function mountGetOrganization(app: Api) {
  app.openapi(route, async (c) => {
    return c.json(
      presentOrganization(await getOrganization(c.get('ctx'), c.req.valid('param').slug)),
      200,
    );
  });
}
