import { createRoute, z } from '@hono/zod-openapi';
import {
  createQuiz,
  getAssessment,
  listAssessments,
  quizInputSchema,
} from '../../../services/learning/quizzes.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import { assessmentSchema, idParams, json } from './learning-schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/assessments',
  tags: ['Learning'],
  summary: "The organization's assessments (quizzes, projects, peer reviews), without their items",
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The assessments',
      content: json(z.object({ assessments: z.array(assessmentSchema) })),
    },
    ...problemResponses(404),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/assessments',
  tags: ['Learning'],
  summary: 'Create a quiz (owners and issuers); add its items next',
  security: bearerSecurity,
  request: { params: slugParamSchema, body: { required: true, content: json(quizInputSchema) } },
  responses: {
    201: { description: 'Created', content: json(assessmentSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/assessments/{id}',
  tags: ['Learning'],
  summary: 'One assessment: what it measures and its rules',
  request: { params: idParams('an assessment') },
  responses: {
    200: { description: 'The assessment', content: json(assessmentSchema) },
    ...problemResponses(400, 404),
  },
});

export function mountAssessmentRoutes(app: Api) {
  app.openapi(listRoute, async (c) =>
    c.json({ assessments: await listAssessments(c.get('ctx'), c.req.valid('param').slug) }, 200),
  );
  app.openapi(createRouteDef, async (c) => {
    const created = await createQuiz(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(created, 201, { location: `/api/v1/assessments/${created.id}` });
  });
  app.openapi(getRoute, async (c) =>
    c.json(await getAssessment(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
