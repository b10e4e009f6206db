import { createRoute, z } from '@hono/zod-openapi';
import type { PathwayRow } from '../../../db/repositories/pathways.ts';
import {
  archivePathway,
  createPathway,
  listPathwayCompletions,
  listPathways,
  parsePathwayInput,
  replacePathway,
  requirePathway,
} from '../../../services/pathways/manage.ts';
import { getPathwayMap } from '../../../services/pathways/progress.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const idParams = z.object({ id: z.uuid({ message: 'must be a pathway id (UUID)' }) });
const anyObject = z.record(z.string(), z.unknown());

// The requirement tree is recursive; its shape is checked by the domain schema in the service.
const pathwayInput = z
  .object({
    title: z.string(),
    description: z.string().optional(),
    achievementId: z.uuid(),
    requirement: anyObject.openapi({
      description:
        'A tree: { kind: all-of | any-of, of: [...] }, { kind: n-of, n, of }, { kind: min-ects, ects, of }; leaves { kind: achievement, achievementId }, { kind: external-achievement, issuerId, achievementId?, ects? }, { kind: competency, competencyId }, { kind: pathway, pathwayId }',
    }),
  })
  .passthrough()
  .openapi('PathwayInput');
const pathwaySchema = anyObject.openapi('Pathway');

function present(row: PathwayRow) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    achievementId: row.achievementId,
    requirement: row.requirement,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  } as unknown as Record<string, never>;
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/pathways',
  tags: ['Pathways'],
  summary: "The organization's pathways (stackable qualifications)",
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The pathways',
      content: json(z.object({ pathways: z.array(pathwaySchema) })),
    },
    ...problemResponses(404),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/pathways',
  tags: ['Pathways'],
  summary: 'Define a pathway (owners and issuers); cycles and unsatisfiable trees are refused',
  security: bearerSecurity,
  request: { params: slugParamSchema, body: { required: true, content: json(pathwayInput) } },
  responses: {
    201: { description: 'Created', content: json(pathwaySchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/pathways/{id}',
  tags: ['Pathways'],
  summary: 'One pathway and its requirement tree',
  request: { params: idParams },
  responses: {
    200: { description: 'The pathway', content: json(pathwaySchema) },
    ...problemResponses(400, 404),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/pathways/{id}',
  tags: ['Pathways'],
  summary: 'Replace a pathway (completions already recorded stay)',
  security: bearerSecurity,
  request: { params: idParams, body: { required: true, content: json(pathwayInput) } },
  responses: {
    200: { description: 'Updated', content: json(pathwaySchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/pathways/{id}',
  tags: ['Pathways'],
  summary: 'Archive a pathway: no longer evaluated; issued credentials stay valid',
  security: bearerSecurity,
  request: { params: idParams },
  responses: { 204: { description: 'Archived' }, ...problemResponses(400, 401, 403, 404) },
});

const completionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/pathways/{id}/completions',
  tags: ['Pathways'],
  summary: 'Who completed the pathway, and which external credentials counted (issuers)',
  security: bearerSecurity,
  request: { params: idParams },
  responses: {
    200: {
      description: 'Completions',
      content: json(z.object({ completions: z.array(anyObject) })),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const mapRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/pathways/{id}',
  tags: ['Pathways'],
  summary: "The signed-in learner's map of a pathway: met, next and remaining steps, percentage",
  request: { params: idParams },
  responses: {
    200: { description: 'Progress map', content: json(anyObject.openapi('PathwayMap')) },
    ...problemResponses(400, 401, 404),
  },
});

export function mountPathwayRoutes(app: Api) {
  app.openapi(listRoute, async (c) => {
    const rows = await listPathways(c.get('ctx'), c.req.valid('param').slug);
    return c.json({ pathways: rows.map(present) }, 200);
  });
  app.openapi(createRouteDef, async (c) => {
    const row = await createPathway(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      parsePathwayInput(c.req.valid('json')),
    );
    return c.json(present(row), 201);
  });
  app.openapi(getRoute, async (c) => {
    return c.json(present(await requirePathway(c.get('ctx'), c.req.valid('param').id)), 200);
  });
  app.openapi(putRoute, async (c) => {
    const row = await replacePathway(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
      parsePathwayInput(c.req.valid('json')),
    );
    return c.json(present(row), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    await archivePathway(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(completionsRoute, async (c) => {
    const rows = await listPathwayCompletions(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
    );
    return c.json(
      {
        completions: rows.map((r) => ({
          accountId: r.accountId,
          displayName: r.displayName,
          completedAt: r.completedAt.toISOString(),
          credentialUrl: r.credentialUrl,
          countedExternal: r.countedExternal,
        })) as unknown as Record<string, never>[],
      },
      200,
    );
  });
  app.openapi(mapRoute, async (c) => {
    const map = await getPathwayMap(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json(map as unknown as Record<string, never>, 200);
  });
}
