import { createRoute, z } from '@hono/zod-openapi';
import { getIssuerProfile, rotateIssuerKeys } from '../../../services/issuers/issuer-profile.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

const profileSchema = z.record(z.string(), z.unknown()).openapi('IssuerProfile', {
  description:
    'An Open Badges 3.0 Profile; `id` is the identifier (did:web or did:key) credentials are signed under.',
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/issuer',
  tags: ['Issuers'],
  summary: "The organization's Open Badges 3.0 issuer Profile",
  request: { params: slugParamSchema },
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: profileSchema } } },
    ...problemResponses(404),
  },
});

const rotateRoute = createRoute({
  method: 'post',
  path: '/api/v1/organizations/{slug}/keys/rotate',
  tags: ['Issuers'],
  summary:
    'Rotate the signing keys (owners): a new key signs from now on, old credentials keep verifying',
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The profile after rotation',
      content: { 'application/json': { schema: profileSchema } },
    },
    ...problemResponses(401, 403, 404),
  },
});

export function mountIssuerProfileRoutes(app: Api) {
  app.openapi(getRoute, async (c) =>
    c.json(
      (await getIssuerProfile(c.get('ctx'), c.req.valid('param').slug)) as Record<string, never>,
      200,
    ),
  );
  app.openapi(rotateRoute, async (c) =>
    c.json(
      (await rotateIssuerKeys(c.get('ctx'), c.get('actor'), c.req.valid('param').slug)) as Record<
        string,
        never
      >,
      200,
    ),
  );
}
