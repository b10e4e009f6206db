import { createRoute, z } from '@hono/zod-openapi';
import { listMyRenewals } from '../../../services/renewal/overview.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { json, renewalViewSchema } from './renewal-schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/me/renewals',
  tags: ['Renewal'],
  summary: 'The signed-in learner’s expiring and expired credentials, with what renewal takes',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Credentials in their renewal window or expired, soonest first',
      content: json(z.object({ renewals: z.array(renewalViewSchema) })),
    },
    ...problemResponses(401),
  },
});

export function mountListRenewals(app: Api) {
  app.openapi(route, async (c) => {
    const renewals = await listMyRenewals(c.get('ctx'), c.get('actor'));
    c.header('Cache-Control', 'no-store');
    return c.json({ renewals }, 200);
  });
}
