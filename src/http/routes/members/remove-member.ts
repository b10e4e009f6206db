import { createRoute, z } from '@hono/zod-openapi';
import { removeMember } from '../../../services/organizations.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/organizations/{slug}/members/{accountId}',
  tags: ['Organizations'],
  summary: 'Remove a member (owners); the last owner cannot be removed',
  security: bearerSecurity,
  request: {
    params: slugParamSchema.extend({
      accountId: z.uuid({ message: 'must be an account id (UUID)' }),
    }),
  },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) },
});

export function mountRemoveMember(app: Api) {
  app.openapi(route, async (c) => {
    const { slug, accountId } = c.req.valid('param');
    await removeMember(c.get('ctx'), c.get('actor'), slug, accountId);
    return c.body(null, 204);
  });
}
