import { createRoute, z } from '@hono/zod-openapi';
import { NotAuthenticatedError } from '../../../domain/errors.ts';
import type { Actor } from '../../../domain/policy.ts';
import {
  getTalentProfile,
  listTalentProfileViews,
  setTalentProfile,
  withdrawTalentConsent,
} from '../../../services/talent-search/consent.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { profileViewSchema, talentConsentInput, talentProfileSchema } from './talent-schemas.ts';

const path = '/api/v1/learners/me/talent-profile';
const tags = ['Talent search'];
const json = (schema: z.ZodType) => ({ 'application/json': { schema } });

function me(actor: Actor) {
  if (actor.kind !== 'account')
    throw new NotAuthenticatedError('Sign in to manage your talent profile.');
  return actor;
}

const getRoute = createRoute({
  method: 'get',
  path,
  tags,
  summary: 'Your consent to talent search and what employers may see (off until you opt in)',
  responses: {
    200: { description: 'Your choices', content: json(talentProfileSchema) },
    ...problemResponses(401),
  },
});
const putRoute = createRoute({
  method: 'put',
  path,
  tags,
  summary:
    'Opt in or out of talent search and choose what is visible (every field hidden by default)',
  request: {
    body: { required: true, content: { 'application/json': { schema: talentConsentInput } } },
  },
  responses: {
    200: { description: 'Saved', content: json(talentProfileSchema) },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path,
  tags,
  summary: 'Withdraw consent: you leave search results at once',
  responses: {
    200: { description: 'Withdrawn', content: json(talentProfileSchema) },
    ...problemResponses(401, 403),
  },
});
const viewsRoute = createRoute({
  method: 'get',
  path: `${path}/views`,
  tags,
  summary: 'Organizations that found you in a search or opened your profile, newest first',
  responses: {
    200: { description: 'Views', content: json(z.object({ views: z.array(profileViewSchema) })) },
    ...problemResponses(401),
  },
});

/** The learner's side of talent search: consent, visibility, and who looked. */
export function mountLearnerTalentRoutes(app: Api) {
  app.openapi(getRoute, async (c) => {
    const actor = me(c.get('actor'));
    c.header('Cache-Control', 'no-store');
    return c.json(await getTalentProfile(c.get('ctx'), actor, actor.accountId), 200);
  });
  app.openapi(putRoute, async (c) => {
    const actor = me(c.get('actor'));
    const saved = await setTalentProfile(c.get('ctx'), actor, actor.accountId, c.req.valid('json'));
    return c.json(saved, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const actor = me(c.get('actor'));
    return c.json(await withdrawTalentConsent(c.get('ctx'), actor, actor.accountId), 200);
  });
  app.openapi(viewsRoute, async (c) => {
    const actor = me(c.get('actor'));
    c.header('Cache-Control', 'no-store');
    return c.json(
      { views: await listTalentProfileViews(c.get('ctx'), actor, actor.accountId) },
      200,
    );
  });
}
