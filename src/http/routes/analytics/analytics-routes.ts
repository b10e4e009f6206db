import { createRoute, z } from '@hono/zod-openapi';
import { getIssuerAnalytics } from '../../../services/issuer-analytics/analytics.ts';
import { analyticsCsv, analyticsDatasets } from '../../../services/issuer-analytics/csv.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month like 2026-01' });
const rangeQuery = z.object({ from: month.optional(), to: month.optional() });
const tags = ['Issuer analytics'];

const counts = z.object({
  issued: z.number().int(),
  claimed: z.number().int(),
  shared: z.number().int(),
  verified: z.number().int(),
  revoked: z.number().int(),
  suspended: z.number().int(),
  reinstated: z.number().int(),
});
const analyticsSchema = z
  .object({
    organization: z.object({ slug: z.string(), name: z.string() }),
    from: z.string(),
    to: z.string(),
    months: z.array(counts.extend({ month: z.string() })),
    totals: counts,
    assessments: z.array(
      z.object({
        assessmentId: z.uuid(),
        title: z.string(),
        kind: z.string(),
        learners: z.number().int(),
        passed: z.number().int(),
        passRate: z.number().nullable(),
        medianDaysToMastery: z.number().nullable(),
      }),
    ),
    competencies: z.array(
      z.object({
        competencyId: z.uuid(),
        statement: z.string(),
        learners: z.number().int(),
        reached: z.number().int(),
        struggleRate: z.number(),
        averageBestScore: z.number(),
      }),
    ),
    cutScore: z.number(),
  })
  .openapi('IssuerAnalytics');

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/analytics',
  tags,
  summary:
    'Credentials issued, claimed, shared and verified per month; pass rates and time to mastery per assessment; struggled-with competencies (owners, issuers)',
  security: bearerSecurity,
  request: { params: slugParamSchema, query: rangeQuery },
  responses: {
    200: {
      description: 'The analytics',
      content: { 'application/json': { schema: analyticsSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/analytics.csv',
  tags,
  summary: 'One analytics dataset as CSV (events per month, assessments, competencies)',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    query: rangeQuery.extend({
      dataset: z.enum(analyticsDatasets, {
        message: `must be one of: ${analyticsDatasets.join(', ')}`,
      }),
    }),
  },
  responses: {
    200: {
      description: 'RFC 4180 CSV with a header row',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountAnalyticsRoutes(app: Api) {
  app.openapi(getRoute, async (c) => {
    const analytics = await getIssuerAnalytics(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('query'),
    );
    c.header('Cache-Control', 'private, no-store');
    return c.json(analytics, 200);
  });
  app.openapi(csvRoute, async (c) => {
    const { dataset, ...range } = c.req.valid('query');
    const analytics = await getIssuerAnalytics(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      range,
    );
    c.header('Cache-Control', 'private, no-store');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="${analytics.organization.slug}-${dataset}-${analytics.from}-${analytics.to}.csv"`,
    );
    return c.body(analyticsCsv(analytics, dataset), 200);
  });
}
