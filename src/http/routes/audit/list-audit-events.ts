import { createRoute, z } from '@hono/zod-openapi';
import { getAuditEvents } from '../../../services/audit.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

const auditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');

const route = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/audit-events',
  tags: ['Organizations'],
  summary: "The organization's audit log, newest first (owners)",
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The latest 100 events',
      content: { 'application/json': { schema: z.object({ events: z.array(auditEventSchema) }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

export function mountListAuditEvents(app: Api) {
  app.openapi(route, async (c) => {
    return c.json(
      { events: await getAuditEvents(c.get('ctx'), c.get('actor'), c.req.valid('param').slug) },
      200,
    );
  });
}
