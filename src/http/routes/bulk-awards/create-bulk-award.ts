import { createRoute, z } from '@hono/zod-openapi';
import { MAX_BULK_ROWS } from '../../../domain/bulk-awards/rows.ts';
import { createBulkAward } from '../../../services/bulk-awards/manage.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import { bulkAwardSchema, json, rowInputSchema } from './bulk-award-schemas.ts';

const common = {
  achievementId: z.uuid({ message: 'must be an achievement id (UUID)' }).optional(),
  format: z.enum(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'vc-jwt']).optional(),
  start: z.boolean().optional(),
  fileName: z.string().max(200).optional(),
};

const bodySchema = z
  .union(
    [
      z.strictObject({ ...common, csv: z.string().min(1) }),
      z.strictObject({ ...common, rows: z.array(rowInputSchema).min(1).max(MAX_BULK_ROWS) }),
    ],
    { message: 'send either "csv" (the file as text) or "rows" (an array of row objects)' },
  )
  .openapi('BulkAwardInput', {
    example: {
      achievementId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
      csv: 'recipient,narrative,evidence_url,result,issue_date\nada@example.org,Capstone,https://example.org/work/1,A,2026-06-30\n',
      start: true,
    },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/bulk-awards',
  tags: ['Bulk awards'],
  summary:
    'Validate an award list (CSV text or JSON rows) and store it as a bulk award; with start, issuing begins when no row was rejected',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: bodySchema } } },
  },
  responses: {
    201: {
      description: 'Validated (and started, if asked and clean)',
      content: json(bulkAwardSchema),
    },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

export function mountCreateBulkAward(app: Api) {
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const job = await createBulkAward(
      ctx,
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    c.header('Location', `${ctx.publicUrl}/api/v1/bulk-awards/${job.id}`);
    return c.json(job, 201);
  });
}
