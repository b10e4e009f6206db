import { createRoute, z } from '@hono/zod-openapi';
import { quizItemInputSchema } from '../../../domain/learning/quiz.ts';
import {
  addQuizItem,
  listQuizItemsForIssuer,
  removeQuizItem,
  replaceQuizItem,
} from '../../../services/learning/quizzes.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { idParams, json, quizItemSchema } from './learning-schemas.ts';

const itemParams = idParams('a quiz').extend({
  itemId: z.uuid({ message: 'must be an item id (UUID)' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/assessments/{id}/items',
  tags: ['Learning'],
  summary: "The quiz's item bank with answer keys (owners and issuers only)",
  security: bearerSecurity,
  request: { params: idParams('a quiz') },
  responses: {
    200: { description: 'The items', content: json(z.object({ items: z.array(quizItemSchema) })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/assessments/{id}/items',
  tags: ['Learning'],
  summary: 'Add an item: single or multiple choice, numeric with tolerance, or short text',
  security: bearerSecurity,
  request: {
    params: idParams('a quiz'),
    body: { required: true, content: json(quizItemInputSchema) },
  },
  responses: {
    201: { description: 'Added', content: json(quizItemSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/assessments/{id}/items/{itemId}',
  tags: ['Learning'],
  summary: 'Replace an item (attempts already submitted keep their scores)',
  security: bearerSecurity,
  request: { params: itemParams, body: { required: true, content: json(quizItemInputSchema) } },
  responses: {
    200: { description: 'Replaced', content: json(quizItemSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/assessments/{id}/items/{itemId}',
  tags: ['Learning'],
  summary: 'Remove an item from the bank',
  security: bearerSecurity,
  request: { params: itemParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});

export function mountQuizItemRoutes(app: Api) {
  app.openapi(listRoute, async (c) => {
    const items = await listQuizItemsForIssuer(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ items }, 200);
  });
  app.openapi(addRoute, async (c) => {
    const item = await addQuizItem(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(item, 201);
  });
  app.openapi(putRoute, async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(
      await replaceQuizItem(c.get('ctx'), c.get('actor'), id, itemId, c.req.valid('json')),
      200,
    );
  });
  app.openapi(deleteRoute, async (c) => {
    const { id, itemId } = c.req.valid('param');
    await removeQuizItem(c.get('ctx'), c.get('actor'), id, itemId);
    return c.body(null, 204);
  });
}
