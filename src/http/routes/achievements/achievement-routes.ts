import { createRoute, z } from '@hono/zod-openapi';
import { achievementInputSchema } from '../../../domain/achievement.ts';
import {
  achievementDocument,
  archiveAchievement,
  createAchievement,
  listAchievements,
  replaceAchievement,
  requireAchievement,
} from '../../../services/achievements.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

const achievementDocumentSchema = z.record(z.string(), z.unknown()).openapi('Achievement', {
  description: 'An Open Badges 3.0 Achievement with the EU micro-credential elements',
});
const idParams = z.object({ id: z.uuid({ message: 'must be an achievement id (UUID)' }) });
const json = (schema: z.ZodType) => ({ 'application/json': { schema } });

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/achievements',
  tags: ['Achievements'],
  summary: "The organization's published achievements (micro-credentials)",
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The achievements',
      content: json(z.object({ achievements: z.array(achievementDocumentSchema) })),
    },
    ...problemResponses(404),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/achievements',
  tags: ['Achievements'],
  summary: 'Define an achievement (owners and issuers)',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: achievementInputSchema } } },
  },
  responses: {
    201: { description: 'Created', content: json(achievementDocumentSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/achievements/{id}',
  tags: ['Achievements'],
  summary: 'One achievement as an OB3 Achievement document',
  request: { params: idParams },
  responses: {
    200: { description: 'The achievement', content: json(achievementDocumentSchema) },
    ...problemResponses(400, 404),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/achievements/{id}',
  tags: ['Achievements'],
  summary: 'Replace the definition (credentials already issued keep what they were signed with)',
  security: bearerSecurity,
  request: {
    params: idParams,
    body: { required: true, content: { 'application/json': { schema: achievementInputSchema } } },
  },
  responses: {
    200: { description: 'Updated', content: json(achievementDocumentSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/achievements/{id}',
  tags: ['Achievements'],
  summary: 'Archive: no longer listed or awarded; issued credentials stay valid',
  security: bearerSecurity,
  request: { params: idParams },
  responses: { 204: { description: 'Archived' }, ...problemResponses(400, 401, 403, 404) },
});

export function mountAchievementRoutes(app: Api) {
  app.openapi(listRoute, async (c) => {
    const ctx = c.get('ctx');
    const rows = await listAchievements(ctx, c.req.valid('param').slug);
    return c.json(
      {
        achievements: (await Promise.all(
          rows.map((row) => achievementDocument(ctx, row)),
        )) as Record<string, never>[],
      },
      200,
    );
  });
  app.openapi(createRouteDef, async (c) => {
    const ctx = c.get('ctx');
    const row = await createAchievement(
      ctx,
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json((await achievementDocument(ctx, row)) as Record<string, never>, 201);
  });
  app.openapi(getRoute, async (c) => {
    const ctx = c.get('ctx');
    return c.json(
      (await achievementDocument(
        ctx,
        await requireAchievement(ctx, c.req.valid('param').id),
      )) as Record<string, never>,
      200,
    );
  });
  app.openapi(putRoute, async (c) => {
    const ctx = c.get('ctx');
    const row = await replaceAchievement(
      ctx,
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json((await achievementDocument(ctx, row)) as Record<string, never>, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    await archiveAchievement(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
