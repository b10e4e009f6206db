import { createRoute, z } from '@hono/zod-openapi';
import { understandGoal } from '../../../services/goals/understand-goal.ts';
import { getGoalSettings, setGoalSettings } from '../../../services/proven-skills/index.ts';
import {
  createGoal,
  deleteGoal,
  learnerIdOf,
  listGoals,
} from '../../../services/recommendations/goals.ts';
import {
  getAchievementOffer,
  setAchievementOffer,
} from '../../../services/recommendations/offers.ts';
import {
  getGoalGap,
  getGoalRecommendation,
} from '../../../services/recommendations/recommend-for-goal.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import {
  gapSchema,
  goalIdParams,
  goalInput,
  goalSchema,
  offerInput,
  offerSchema,
  recommendationQuery,
  recommendationSchema,
  settingsSchema,
  understandInput,
} from './goal-schemas.ts';

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const tags = ['Goals and recommendations'];
const achievementParams = z.object({ id: z.uuid({ message: 'must be an achievement id (UUID)' }) });

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/learners/me/goals',
  tags,
  summary: "The signed-in learner's goals",
  responses: {
    200: { description: 'Goals', content: json(z.object({ goals: z.array(goalSchema) })) },
    ...problemResponses(401),
  },
});
const createGoalRoute = createRoute({
  method: 'post',
  path: '/api/v1/learners/me/goals',
  tags,
  summary:
    'Set a goal: an ESCO occupation or a role profile (resolve free text first with /goals/understand)',
  request: { body: { required: true, content: json(goalInput) } },
  responses: {
    201: { description: 'Created', content: json(goalSchema) },
    ...problemResponses(400, 401, 413, 415),
  },
});
const deleteGoalRoute = createRoute({
  method: 'delete',
  path: '/api/v1/learners/me/goals/{id}',
  tags,
  summary: 'Remove a goal',
  request: { params: goalIdParams },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 404) },
});
const gapRoute = createRoute({
  method: 'get',
  path: '/api/v1/learners/me/goals/{id}/gap',
  tags,
  summary: 'The skill gap: covered, partly covered (a narrower skill proven) and missing skills',
  request: { params: goalIdParams },
  responses: {
    200: { description: 'The gap', content: json(gapSchema) },
    ...problemResponses(400, 401, 404),
  },
});
const recommendationRoute = createRoute({
  method: 'get',
  path: '/api/v1/learners/me/goals/{id}/recommendation',
  tags,
  summary: 'The recommended pathway of micro-credentials closing the gap at least workload or cost',
  request: { params: goalIdParams, query: recommendationQuery },
  responses: {
    200: { description: 'The recommendation', content: json(recommendationSchema) },
    ...problemResponses(400, 401, 404),
  },
});
const understandRoute = createRoute({
  method: 'post',
  path: '/api/v1/learners/me/goals/understand',
  tags,
  summary: 'Free text → ranked ESCO occupations and skills to choose a goal from',
  request: {
    body: { required: true, content: { 'application/json': { schema: understandInput } } },
  },
  responses: {
    200: { description: 'Candidates', content: json(z.record(z.string(), z.unknown())) },
    ...problemResponses(400, 401, 413, 415),
  },
});
const getSettingsRoute = createRoute({
  method: 'get',
  path: '/api/v1/learners/me/goal-settings',
  tags,
  summary: 'Whether mastery from in-progress learning counts as proven (off by default)',
  responses: {
    200: { description: 'Settings', content: json(settingsSchema) },
    ...problemResponses(401),
  },
});
const putSettingsRoute = createRoute({
  method: 'put',
  path: '/api/v1/learners/me/goal-settings',
  tags,
  summary: 'Choose whether mastery from in-progress learning counts as proven',
  request: {
    body: { required: true, content: { 'application/json': { schema: settingsSchema.strict() } } },
  },
  responses: {
    200: { description: 'Settings', content: json(settingsSchema) },
    ...problemResponses(400, 401, 413, 415),
  },
});
const getOfferRoute = createRoute({
  method: 'get',
  path: '/api/v1/achievements/{id}/offer',
  tags,
  summary: "An achievement's prerequisites and price, as the recommender uses them (public)",
  request: { params: achievementParams },
  responses: {
    200: { description: 'Offer', content: json(offerSchema) },
    ...problemResponses(400, 404),
  },
});
const putOfferRoute = createRoute({
  method: 'put',
  path: '/api/v1/achievements/{id}/offer',
  tags,
  summary: 'Set prerequisites (achievement ids) and price; kept outside the signed credential',
  security: bearerSecurity,
  request: { params: achievementParams, body: { required: true, content: json(offerInput) } },
  responses: {
    200: { description: 'Offer', content: json(offerSchema) },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

export function mountGoalRoutes(app: Api) {
  app.openapi(listRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ goals: await listGoals(c.get('ctx'), c.get('actor')) }, 200);
  });
  app.openapi(understandRoute, async (c) => {
    learnerIdOf(c.get('actor'));
    const { text, limit } = c.req.valid('json');
    const result = await understandGoal(c.get('ctx'), text, { limit: limit ?? 8 });
    return c.json(result as unknown as Record<string, never>, 200);
  });
  app.openapi(createGoalRoute, async (c) => {
    return c.json(await createGoal(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201);
  });
  app.openapi(deleteGoalRoute, async (c) => {
    await deleteGoal(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(gapRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    const gap = await getGoalGap(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    return c.json(gap as unknown as Record<string, never>, 200);
  });
  app.openapi(recommendationRoute, async (c) => {
    const q = c.req.valid('query');
    const result = await getGoalRecommendation(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
      {
        ...q,
        excludeIssuers: q.excludeIssuers
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      },
    );
    c.header('Cache-Control', 'no-store');
    return c.json(result as unknown as Record<string, never>, 200);
  });
  app.openapi(getSettingsRoute, async (c) => {
    const actor = c.get('actor');
    c.header('Cache-Control', 'no-store');
    return c.json(await getGoalSettings(c.get('ctx'), actor, learnerIdOf(actor)), 200);
  });
  app.openapi(putSettingsRoute, async (c) => {
    const actor = c.get('actor');
    const saved = await setGoalSettings(
      c.get('ctx'),
      actor,
      learnerIdOf(actor),
      c.req.valid('json'),
    );
    return c.json(saved, 200);
  });
  app.openapi(getOfferRoute, async (c) => {
    return c.json(await getAchievementOffer(c.get('ctx'), c.req.valid('param').id), 200);
  });
  app.openapi(putOfferRoute, async (c) => {
    const { id } = c.req.valid('param');
    const offer = await setAchievementOffer(c.get('ctx'), c.get('actor'), id, c.req.valid('json'));
    return c.json(offer, 200);
  });
}
