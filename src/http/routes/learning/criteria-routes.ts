import { createRoute, z } from '@hono/zod-openapi';
import { criteriaInputSchema } from '../../../domain/learning/criteria.ts';
import { getCriteria, setCriteria } from '../../../services/learning/criteria.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { idParams, json } from './learning-schemas.ts';

const criteriaSchema = z
  .object({
    criteria: z.array(
      z.object({
        competencyId: z.string(),
        assessmentIds: z.array(z.string()),
        cutScore: z.number().optional(),
        minimumLevel: z.number().optional(),
        evidenceCount: z.number(),
        competency: z.object({
          uri: z.string(),
          statement: z.string(),
          code: z.string().nullable(),
          framework: z.string(),
          attribution: z.string().nullable(),
        }),
      }),
    ),
  })
  .openapi('AchievementCriteria');

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/achievements/{id}/criteria',
  tags: ['Learning'],
  summary: 'What earns the achievement: per competency, the assessments that count and the bar',
  request: { params: idParams('an achievement') },
  responses: {
    200: { description: 'The criteria', content: json(criteriaSchema) },
    ...problemResponses(400, 404),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/achievements/{id}/criteria',
  tags: ['Learning'],
  summary:
    "Replace the criteria (owners and issuers); the achievement's alignments follow its competencies",
  security: bearerSecurity,
  request: {
    params: idParams('an achievement'),
    body: { required: true, content: json(criteriaInputSchema) },
  },
  responses: {
    200: { description: 'The criteria now in force', content: json(criteriaSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

export function mountCriteriaRoutes(app: Api) {
  app.openapi(getRoute, async (c) =>
    c.json({ criteria: await getCriteria(c.get('ctx'), c.req.valid('param').id) }, 200),
  );
  app.openapi(putRoute, async (c) => {
    const criteria = await setCriteria(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ criteria }, 200);
  });
}
