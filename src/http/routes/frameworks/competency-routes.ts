import { createRoute, z } from '@hono/zod-openapi';
import {
  associationInputSchema,
  competencyChangesSchema,
  competencyInputSchema,
} from '../../../domain/frameworks/competency.ts';
import {
  addCompetency,
  editCompetency,
  findCompetencies,
  getCompetencyDetail,
  linkCompetencies,
  unlinkCompetencies,
} from '../../../services/frameworks/competencies.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import {
  associationSchema,
  competencyIdParams,
  competencySchema,
  frameworkIdParams,
  frameworkSchema,
  json,
} from './framework-schemas.ts';

const searchRoute = createRoute({
  method: 'get',
  path: '/api/v1/competencies',
  tags: ['Frameworks'],
  summary: 'Search competencies across frameworks by text (statement, code, alternative labels)',
  request: {
    query: z.object({
      q: z.string().trim().min(2, { message: 'must be at least 2 characters' }).max(200),
      frameworkId: z.uuid({ message: 'must be a framework id (UUID)' }).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
      offset: z.coerce.number().int().min(0).max(10_000).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Matches, best first; ESCO results carry their attribution',
      content: json(
        z.object({
          competencies: z.array(
            competencySchema.extend({
              framework: z.object({ id: z.string(), title: z.string() }),
              attribution: z.string().optional(),
            }),
          ),
        }),
      ),
    },
    ...problemResponses(400),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/competencies/{id}',
  tags: ['Frameworks'],
  summary: 'A competency with its framework, relations and the occupations that need it',
  request: { params: competencyIdParams },
  responses: {
    200: {
      description: 'The competency',
      content: json(
        z.object({
          competency: competencySchema,
          framework: frameworkSchema,
          relations: z.array(z.record(z.string(), z.unknown())),
          occupations: z.array(
            z.object({
              id: z.string(),
              uri: z.string(),
              preferredLabel: z.string(),
              code: z.string().nullable(),
              relation: z.string(),
            }),
          ),
          attribution: z.string().optional(),
        }),
      ),
    },
    ...problemResponses(400, 404),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/frameworks/{id}/competencies',
  tags: ['Frameworks'],
  summary: 'Add a competency to a local framework, optionally under a parent',
  security: bearerSecurity,
  request: {
    params: frameworkIdParams,
    body: { required: true, content: { 'application/json': { schema: competencyInputSchema } } },
  },
  responses: {
    201: { description: 'Created', content: json(competencySchema) },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const editRoute = createRoute({
  method: 'patch',
  path: '/api/v1/competencies/{id}',
  tags: ['Frameworks'],
  summary: 'Change a competency of a local framework',
  security: bearerSecurity,
  request: {
    params: competencyIdParams,
    body: { required: true, content: { 'application/json': { schema: competencyChangesSchema } } },
  },
  responses: {
    200: { description: 'Updated', content: json(competencySchema) },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const linkRoute = createRoute({
  method: 'post',
  path: '/api/v1/frameworks/{id}/associations',
  tags: ['Frameworks'],
  summary: 'Link two competencies (isChildOf, precedes, isRelatedTo, exactMatchOf)',
  description:
    'The origin must be in this local framework. An isChildOf parent must be too, and may not close a loop; other links may point at any competency (e.g. exactMatchOf an ESCO skill).',
  security: bearerSecurity,
  request: {
    params: frameworkIdParams,
    body: { required: true, content: { 'application/json': { schema: associationInputSchema } } },
  },
  responses: {
    201: { description: 'Created', content: json(associationSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const unlinkRoute = createRoute({
  method: 'delete',
  path: '/api/v1/frameworks/{id}/associations/{associationId}',
  tags: ['Frameworks'],
  summary: 'Remove a link between competencies of a local framework',
  security: bearerSecurity,
  request: {
    params: frameworkIdParams.extend({
      associationId: z.uuid({ message: 'must be an association id (UUID)' }),
    }),
  },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) },
});

export function mountCompetencyRoutes(app: Api) {
  app.openapi(searchRoute, async (c) =>
    c.json(
      { competencies: await findCompetencies(c.get('ctx'), c.req.valid('query')) } as never,
      200,
    ),
  );
  app.openapi(getRoute, async (c) =>
    c.json((await getCompetencyDetail(c.get('ctx'), c.req.valid('param').id)) as never, 200),
  );
  app.openapi(addRoute, async (c) => {
    const created = await addCompetency(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    c.header('location', `/api/v1/competencies/${created.id}`);
    return c.json(created as never, 201);
  });
  app.openapi(editRoute, async (c) =>
    c.json(
      (await editCompetency(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      )) as never,
      200,
    ),
  );
  app.openapi(linkRoute, async (c) =>
    c.json(
      (await linkCompetencies(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      )) as never,
      201,
    ),
  );
  app.openapi(unlinkRoute, async (c) => {
    const { id, associationId } = c.req.valid('param');
    await unlinkCompetencies(c.get('ctx'), c.get('actor'), id, associationId);
    return c.body(null, 204);
  });
}
