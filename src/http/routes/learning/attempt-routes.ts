import { createRoute, z } from '@hono/zod-openapi';
import { answersSchema } from '../../../domain/learning/quiz.ts';
import {
  getAttempt,
  getAttemptLog,
  startAttempt,
  submitAttempt,
} from '../../../services/learning/attempts.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { attemptSchema, idParams, json } from './learning-schemas.ts';

const startRoute = createRoute({
  method: 'post',
  path: '/api/v1/assessments/{id}/attempts',
  tags: ['Learning'],
  summary:
    'Start an attempt (signed-in learners): draws a randomized form; an open attempt is resumed (200)',
  security: bearerSecurity,
  request: { params: idParams('a quiz') },
  responses: {
    200: { description: 'The open attempt, resumed', content: json(attemptSchema) },
    201: { description: 'A new attempt', content: json(attemptSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const logRoute = createRoute({
  method: 'get',
  path: '/api/v1/assessments/{id}/attempts',
  tags: ['Learning'],
  summary:
    "The quiz's attempt log: who started, submitted, or was refused, and when (its organization's staff)",
  security: bearerSecurity,
  request: { params: idParams('a quiz') },
  responses: {
    200: {
      description: 'Every attempt with its log',
      content: json(z.object({ attempts: z.array(z.record(z.string(), z.unknown())) })),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/api/v1/attempts/{id}/submission',
  tags: ['Learning'],
  summary:
    'Submit the answers (answers only: the server scores); refused after the time limit or a second time',
  security: bearerSecurity,
  request: {
    params: idParams('an attempt'),
    body: { required: true, content: json(answersSchema) },
  },
  responses: {
    200: { description: 'Scored', content: json(attemptSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/attempts/{id}',
  tags: ['Learning'],
  summary: 'One attempt: its form while open, its result once submitted',
  security: bearerSecurity,
  request: { params: idParams('an attempt') },
  responses: {
    200: { description: 'The attempt', content: json(attemptSchema) },
    ...problemResponses(400, 401, 404),
  },
});

export function mountAttemptRoutes(app: Api) {
  app.openapi(startRoute, async (c) => {
    const { attempt, resumed } = await startAttempt(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
    );
    c.header('Cache-Control', 'no-store');
    return resumed ? c.json(attempt, 200) : c.json(attempt, 201);
  });
  app.openapi(logRoute, async (c) => {
    const attempts = await getAttemptLog(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ attempts }, 200);
  });
  app.openapi(submitRoute, async (c) => {
    const attempt = await submitAttempt(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json').answers,
    );
    c.header('Cache-Control', 'no-store');
    return c.json(attempt, 200);
  });
  app.openapi(getRoute, async (c) => {
    const attempt = await getAttempt(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json(attempt, 200);
  });
}
