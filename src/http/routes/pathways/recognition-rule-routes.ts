import { createRoute, z } from '@hono/zod-openapi';
import type { RecognitionRuleRow } from '../../../db/repositories/pathways.ts';
import {
  createRecognitionRule,
  listOrganizationRecognitionRules,
  type RecognitionRuleInput,
  recognitionRuleInputSchema,
  removeRecognitionRule,
} from '../../../services/pathways/manage.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const ruleSchema = z
  .object({
    id: z.uuid(),
    externalIssuerId: z.string(),
    externalAchievementId: z.string().nullable(),
    countsAsAchievementId: z.string().nullable(),
    matchAlignments: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('RecognitionRule');

function present(row: RecognitionRuleRow) {
  return {
    id: row.id,
    externalIssuerId: row.externalIssuerId,
    externalAchievementId: row.externalAchievementId,
    countsAsAchievementId: row.countsAsAchievementId,
    matchAlignments: row.matchAlignments,
    createdAt: row.createdAt.toISOString(),
  };
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/recognition-rules',
  tags: ['Pathways'],
  summary: 'Which other issuers’ credentials this organization recognizes',
  request: { params: slugParamSchema },
  responses: {
    200: { description: 'The rules', content: json(z.object({ rules: z.array(ruleSchema) })) },
    ...problemResponses(404),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/recognition-rules',
  tags: ['Pathways'],
  summary:
    'Recognize prior learning: an external issuer (and achievement) counts as one of our achievements, or by matching alignments',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: json(recognitionRuleInputSchema) },
  },
  responses: {
    201: { description: 'Created', content: json(ruleSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/recognition-rules/{id}',
  tags: ['Pathways'],
  summary: 'Remove a recognition rule (completions already recorded stay)',
  security: bearerSecurity,
  request: { params: z.object({ id: z.uuid({ message: 'must be a rule id (UUID)' }) }) },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});

export function mountRecognitionRuleRoutes(app: Api) {
  app.openapi(listRoute, async (c) => {
    const rows = await listOrganizationRecognitionRules(c.get('ctx'), c.req.valid('param').slug);
    return c.json({ rules: rows.map(present) }, 200);
  });
  app.openapi(createRouteDef, async (c) => {
    const row = await createRecognitionRule(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json') as RecognitionRuleInput,
    );
    return c.json(present(row), 201);
  });
  app.openapi(deleteRoute, async (c) => {
    await removeRecognitionRule(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
