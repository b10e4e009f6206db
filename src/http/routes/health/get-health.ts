import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Api } from '../../env.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
});

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Platform'],
  summary: 'Liveness and database reachability, for load balancers',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: healthSchema } } },
    503: {
      description: 'The database cannot be reached',
      content: { 'application/json': { schema: healthSchema } },
    },
  },
});

export function mountGetHealth(app: Api) {
  app.openapi(route, async (c) => {
    try {
      await c.get('ctx').db.execute(sql`select 1`);
      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
    } catch (error) {
      c.get('ctx').logger.error({ err: error }, 'health check: database unreachable');
      return c.json({ status: 'unavailable' as const, database: 'unreachable' as const }, 503);
    }
  });
}
