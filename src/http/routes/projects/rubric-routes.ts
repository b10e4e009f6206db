import { createRoute, z } from '@hono/zod-openapi';
import {
  createRubric,
  listOrganizationRubrics,
  presentRubric,
} from '../../../services/projects/index.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import { json, rubricBodySchema, rubricSchema } from './project-schemas.ts';

const createRubricRoute = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/rubrics',
  tags: ['Projects'],
  summary: 'Define a rubric: criteria × levels, each criterion mapped to a competency (issuers)',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: json(rubricBodySchema) },
  },
  responses: {
    201: { description: 'Created', content: json(rubricSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const listRubricsRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/rubrics',
  tags: ['Projects'],
  summary: "The organization's rubrics (members)",
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The rubrics',
      content: json(z.object({ rubrics: z.array(rubricSchema) })),
    },
    ...problemResponses(401, 403, 404),
  },
});

export function mountRubricRoutes(app: Api) {
  app.openapi(createRubricRoute, async (c) => {
    const row = await createRubric(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(presentRubric(row), 201);
  });
  app.openapi(listRubricsRoute, async (c) => {
    const rows = await listOrganizationRubrics(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
    );
    return c.json({ rubrics: rows.map(presentRubric) }, 200);
  });
}
