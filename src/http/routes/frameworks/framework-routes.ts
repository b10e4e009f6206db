import { createRoute, z } from '@hono/zod-openapi';
import { frameworkInputSchema } from '../../../domain/frameworks/competency.ts';
import {
  createFramework,
  getFrameworkTree,
  listFrameworkViews,
} from '../../../services/frameworks/frameworks.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import { frameworkIdParams, frameworkSchema, json } from './framework-schemas.ts';

const listSchema = z.object({ frameworks: z.array(frameworkSchema) });

const listAllRoute = createRoute({
  method: 'get',
  path: '/api/v1/frameworks',
  tags: ['Frameworks'],
  summary: 'Every competency framework: organizations’ own, CASE imports and ESCO',
  responses: { 200: { description: 'The frameworks', content: json(listSchema) } },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/frameworks',
  tags: ['Frameworks'],
  summary: "The organization's competency frameworks",
  request: { params: slugParamSchema },
  responses: {
    200: { description: 'The frameworks', content: json(listSchema) },
    ...problemResponses(404),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/frameworks',
  tags: ['Frameworks'],
  summary: 'Create a local competency framework (owners and issuers)',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: frameworkInputSchema } } },
  },
  responses: {
    201: { description: 'Created', content: json(frameworkSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const treeNodeSchema = z.record(z.string(), z.unknown()).openapi('CompetencyTreeNode', {
  description: '{ id, statement, code, type, childCount, children: CompetencyTreeNode[] }',
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/frameworks/{id}',
  tags: ['Frameworks'],
  summary: 'A framework with its competency tree (isChildOf hierarchy)',
  description:
    'Frameworks of more than 2,000 competencies (ESCO) come three levels deep unless `depth` is given; `truncated` says when part of the tree was left out, and each node has `childCount`. Open a node with GET /api/v1/competencies/{id}.',
  request: {
    params: frameworkIdParams,
    query: z.object({
      depth: z.coerce.number().int().min(1).max(20).optional().openapi({ example: 2 }),
    }),
  },
  responses: {
    200: {
      description: 'The framework and its tree',
      content: json(
        z.object({
          framework: frameworkSchema,
          tree: z.array(treeNodeSchema),
          truncated: z.boolean(),
          attribution: z.string().optional(),
        }),
      ),
    },
    ...problemResponses(400, 404),
  },
});

export function mountFrameworkRoutes(app: Api) {
  app.openapi(listAllRoute, async (c) =>
    c.json({ frameworks: await listFrameworkViews(c.get('ctx')) }, 200),
  );
  app.openapi(listRoute, async (c) =>
    c.json({ frameworks: await listFrameworkViews(c.get('ctx'), c.req.valid('param').slug) }, 200),
  );
  app.openapi(createRouteDef, async (c) => {
    const framework = await createFramework(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    c.header('location', `/api/v1/frameworks/${framework.id}`);
    return c.json(framework as never, 201);
  });
  app.openapi(getRoute, async (c) => {
    const { framework, tree } = await getFrameworkTree(c.get('ctx'), c.req.valid('param').id, {
      depth: c.req.valid('query').depth,
    });
    return c.json(
      {
        framework,
        tree: tree.roots as never,
        truncated: tree.truncated,
        ...(framework.attribution ? { attribution: framework.attribution } : {}),
      } as never,
      200,
    );
  });
}
