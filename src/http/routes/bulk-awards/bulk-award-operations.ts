import { createRoute, z } from '@hono/zod-openapi';
import {
  getBulkAward,
  getFailedRows,
  getRejectedRows,
  getRejectedRowsCsv,
  listBulkAwards,
  retryFailedRows,
  startBulkAward,
} from '../../../services/bulk-awards/manage.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import {
  bulkAwardSchema,
  failedRowSchema,
  jobIdParams,
  json,
  rejectedRowSchema,
} from './bulk-award-schemas.ts';

const tags = ['Bulk awards'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/bulk-awards',
  tags,
  summary: "The organization's bulk awards, newest first",
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'Bulk awards',
      content: json(z.object({ bulkAwards: z.array(bulkAwardSchema) })),
    },
    ...problemResponses(401, 403, 404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/bulk-awards/{id}',
  tags,
  summary: 'A bulk award: its state, counts and failed rows (the first 500)',
  security: bearerSecurity,
  request: { params: jobIdParams },
  responses: {
    200: {
      description: 'The bulk award',
      content: json(bulkAwardSchema.extend({ failedRows: z.array(failedRowSchema) })),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const startRoute = createRoute({
  method: 'post',
  path: '/api/v1/bulk-awards/{id}/start',
  tags,
  summary: 'Start issuing the accepted rows of a validated list (rejected rows are left out)',
  security: bearerSecurity,
  request: { params: jobIdParams },
  responses: {
    200: { description: 'Started', content: json(bulkAwardSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const retryRoute = createRoute({
  method: 'post',
  path: '/api/v1/bulk-awards/{id}/retry',
  tags,
  summary: 'Queue the failed rows again (each keeps its credential id, so none is issued twice)',
  security: bearerSecurity,
  request: { params: jobIdParams },
  responses: {
    200: {
      description: 'Requeued',
      content: json(z.object({ requeued: z.number(), bulkAward: bulkAwardSchema })),
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const rejectedRoute = createRoute({
  method: 'get',
  path: '/api/v1/bulk-awards/{id}/rejected-rows',
  tags,
  summary:
    'The rejected rows and why; as CSV (for the spreadsheet) with Accept: text/csv or ?format=csv',
  security: bearerSecurity,
  request: {
    params: jobIdParams,
    query: z.object({ format: z.enum(['json', 'csv']).optional() }),
  },
  responses: {
    200: {
      description: 'The rejected rows',
      content: {
        ...json(z.object({ rejectedRows: z.array(rejectedRowSchema) })),
        'text/csv': { schema: z.string() },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountBulkAwardOperations(app: Api) {
  app.openapi(listRoute, async (c) => {
    const bulkAwards = await listBulkAwards(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ bulkAwards }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const job = await getBulkAward(c.get('ctx'), c.get('actor'), id);
    const failedRows = await getFailedRows(c.get('ctx'), c.get('actor'), id);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...job, failedRows }, 200);
  });
  app.openapi(startRoute, async (c) => {
    const job = await startBulkAward(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    return c.json(job, 200);
  });
  app.openapi(retryRoute, async (c) => {
    const { requeued, job } = await retryFailedRows(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
    );
    return c.json({ requeued, bulkAward: job }, 200);
  });
  app.openapi(rejectedRoute, async (c) => {
    const { id } = c.req.valid('param');
    const wantsCsv =
      c.req.valid('query').format === 'csv' ||
      (c.req.valid('query').format !== 'json' &&
        /\btext\/csv\b/.test(c.req.header('accept') ?? ''));
    c.header('Cache-Control', 'no-store');
    if (wantsCsv) {
      const csv = await getRejectedRowsCsv(c.get('ctx'), c.get('actor'), id);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="rejected-rows-${id}.csv"`,
      }) as never;
    }
    const rows = await getRejectedRows(c.get('ctx'), c.get('actor'), id);
    return c.json({ rejectedRows: rows.map((row) => ({ ...row })) }, 200);
  });
}
