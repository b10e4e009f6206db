import { createRoute, z } from '@hono/zod-openapi';
import { getMembers } from '../../../services/organizations.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

export const memberSchema = z
  .object({
    accountId: z.uuid(),
    displayName: z.string(),
    email: z.string(),
    role: z.string(),
    since: z.iso.datetime(),
  })
  .openapi('Member');

const route = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/members',
  tags: ['Organizations'],
  summary: 'Members and their roles (members only)',
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The members',
      content: { 'application/json': { schema: z.object({ members: z.array(memberSchema) }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

export function mountListMembers(app: Api) {
  app.openapi(route, async (c) => {
    const members = await getMembers(c.get('ctx'), c.get('actor'), c.req.valid('param').slug);
    return c.json({ members }, 200);
  });
}
