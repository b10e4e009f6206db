import { createRoute, type z } from '@hono/zod-openapi';
import { searchTalent } from '../../../services/talent-search/search.ts';
import { viewCandidate } from '../../../services/talent-search/view-candidate.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import {
  candidateParams,
  candidateProfileSchema,
  talentSearchInput,
  talentSearchResultSchema,
} from './talent-schemas.ts';

const tags = ['Talent search'];
const json = (schema: z.ZodType) => ({ 'application/json': { schema } });

const searchRoute = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/talent/search',
  tags,
  summary:
    'Search opted-in learners by verified skills, credentials, issuers and recency, or by a job profile (owners, issuers, viewers)',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: talentSearchInput } } },
  },
  responses: {
    200: {
      description: 'Ranked candidates with explanations',
      content: json(talentSearchResultSchema),
    },
    ...problemResponses(400, 401, 403, 404, 413, 415, 429),
  },
});
const viewRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/talent/candidates/{candidateId}',
  tags,
  summary:
    "One opted-in candidate's visible profile and verified skills (the learner sees the view)",
  security: bearerSecurity,
  request: { params: candidateParams },
  responses: {
    200: { description: 'The candidate', content: json(candidateProfileSchema) },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export function mountEmployerTalentRoutes(app: Api) {
  app.openapi(searchRoute, async (c) => {
    const result = await searchTalent(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(result, 200);
  });
  app.openapi(viewRoute, async (c) => {
    const { slug, candidateId } = c.req.valid('param');
    c.header('Cache-Control', 'no-store');
    return c.json(await viewCandidate(c.get('ctx'), c.get('actor'), slug, candidateId), 200);
  });
}
