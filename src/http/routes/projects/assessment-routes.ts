import { createRoute, z } from '@hono/zod-openapi';
import { projectAssessmentInputSchema } from '../../../domain/projects/assessment.ts';
import {
  createProjectAssessment,
  listOrganizationProjectAssessments,
  presentProjectAssessment,
  requireProjectAssessment,
} from '../../../services/projects/index.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import { idParams, json, rubricSchema } from './project-schemas.ts';

const assessmentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['project', 'peer-review']),
    title: z.string(),
    instructions: z.string(),
    settings: z.record(z.string(), z.unknown()),
    rubric: rubricSchema,
    createdAt: z.iso.datetime(),
  })
  .openapi('ProjectAssessment');

const bodySchema = // Domain schemas are plain Zod (no .openapi()): they may be built before @hono/zod-openapi
  // extends Zod, and Zod 4 adds methods per instance.
  projectAssessmentInputSchema;

const createAssessmentRoute = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/project-assessments',
  tags: ['Projects'],
  summary: 'Define a project or peer-reviewed assessment scored with a rubric (issuers)',
  security: bearerSecurity,
  request: { params: slugParamSchema, body: { required: true, content: json(bodySchema) } },
  responses: {
    201: { description: 'Created', content: json(assessmentSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const listAssessmentsRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/project-assessments',
  tags: ['Projects'],
  summary: "The organization's open project and peer-review assessments",
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The assessments',
      content: json(z.object({ assessments: z.array(assessmentSchema) })),
    },
    ...problemResponses(404),
  },
});

const getAssessmentRoute = createRoute({
  method: 'get',
  path: '/api/v1/project-assessments/{id}',
  tags: ['Projects'],
  summary: 'A project or peer-review assessment with its rubric and limits',
  request: { params: idParams('an assessment') },
  responses: {
    200: { description: 'The assessment', content: json(assessmentSchema) },
    ...problemResponses(400, 404),
  },
});

export function mountProjectAssessmentRoutes(app: Api) {
  app.openapi(createAssessmentRoute, async (c) => {
    const created = await createProjectAssessment(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(presentProjectAssessment(created), 201);
  });
  app.openapi(listAssessmentsRoute, async (c) => {
    const rows = await listOrganizationProjectAssessments(c.get('ctx'), c.req.valid('param').slug);
    return c.json({ assessments: rows.map(presentProjectAssessment) }, 200);
  });
  app.openapi(getAssessmentRoute, async (c) => {
    const assessment = await requireProjectAssessment(c.get('ctx'), c.req.valid('param').id);
    return c.json(presentProjectAssessment(assessment), 200);
  });
}
