import { createRoute, z } from '@hono/zod-openapi';
import { syncLtiGradesAs } from '../../../services/lti/grades.ts';
import {
  getLtiPlatforms,
  getLtiResourceLinks,
  registerLtiPlatform,
  removeLtiPlatform,
  toolConfiguration,
} from '../../../services/lti/platforms.ts';
import { toolJwks } from '../../../services/lti/tool-keys.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import {
  ltiPlatformSchema,
  ltiResourceLinkSchema,
  ltiToolConfigurationSchema,
  newLtiPlatformSchema,
  platformParamSchema,
} from './lti-schemas.ts';

const base = '/api/v1/organizations/{slug}/lti';
const tags = ['LTI 1.3'];

const jwks = createRoute({
  method: 'get',
  path: '/lti/jwks',
  operationId: 'getLtiToolJwks',
  tags,
  summary: "The tool's public keys (JWKS) that LMS platforms verify Skillmark's messages with",
  responses: {
    200: {
      description: 'RFC 7517 JSON Web Key Set',
      content: {
        'application/json': {
          schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi({
            example: {
              keys: [{ kty: 'RSA', kid: 'b1e4…', alg: 'RS256', use: 'sig', n: '0vx7…', e: 'AQAB' }],
            },
          }),
        },
      },
    },
    ...problemResponses(500),
  },
});

const listPlatforms = createRoute({
  method: 'get',
  path: `${base}/platforms`,
  operationId: 'listLtiPlatforms',
  tags,
  summary:
    "The organization's LMS registrations and the tool settings to enter in the LMS (owners)",
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'Registrations and tool configuration',
      content: {
        'application/json': {
          schema: z.object({
            tool: ltiToolConfigurationSchema,
            platforms: z.array(ltiPlatformSchema),
          }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const registerPlatform = createRoute({
  method: 'post',
  path: `${base}/platforms`,
  operationId: 'registerLtiPlatform',
  tags,
  summary:
    'Register an LMS (issuer, client_id, deployments, endpoints) as an LTI 1.3 platform (owners)',
  security: bearerSecurity,
  request: {
    params: slugParamSchema,
    body: { required: true, content: { 'application/json': { schema: newLtiPlatformSchema } } },
  },
  responses: {
    201: {
      description: 'Registered',
      content: { 'application/json': { schema: ltiPlatformSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const removePlatform = createRoute({
  method: 'delete',
  path: `${base}/platforms/{platformId}`,
  operationId: 'removeLtiPlatform',
  tags,
  summary: 'Remove an LMS registration (owners); its launches stop working at once',
  security: bearerSecurity,
  request: { params: platformParamSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});

const listResourceLinks = createRoute({
  method: 'get',
  path: `${base}/platforms/{platformId}/resource-links`,
  operationId: 'listLtiResourceLinks',
  tags,
  summary: 'Course placements of achievements made through this LMS (owners)',
  security: bearerSecurity,
  request: { params: platformParamSchema },
  responses: {
    200: {
      description: 'The placements',
      content: {
        'application/json': {
          schema: z.object({ resourceLinks: z.array(ltiResourceLinkSchema) }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const syncGrades = createRoute({
  method: 'post',
  path: `${base}/resource-links/{linkId}/sync-grades`,
  operationId: 'syncLtiGrades',
  tags,
  summary:
    'Read the LMS grades of a placement (AGS) and award the achievement to linked learners who reached the threshold, once each (owners, issuers)',
  security: bearerSecurity,
  request: {
    params: slugParamSchema.extend({ linkId: z.uuid({ message: 'must be a resource link id' }) }),
  },
  responses: {
    200: {
      description: 'What this run awarded',
      content: {
        'application/json': {
          schema: z.object({ awarded: z.array(z.uuid()), unlinked: z.number().int() }).openapi({
            example: { awarded: ['3c9a6f1e-2b4d-4e8f-a1c3-5d7e9f0b2c4d'], unlinked: 2 },
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function mountLtiRoutes(app: Api) {
  app.openapi(jwks, async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await toolJwks(c.get('ctx')), 200);
  });
  app.openapi(listPlatforms, async (c) => {
    const ctx = c.get('ctx');
    const platforms = await getLtiPlatforms(ctx, c.get('actor'), c.req.valid('param').slug);
    return c.json({ tool: toolConfiguration(ctx.publicUrl), platforms }, 200);
  });
  app.openapi(registerPlatform, async (c) => {
    const platform = await registerLtiPlatform(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(platform, 201);
  });
  app.openapi(removePlatform, async (c) => {
    const { slug, platformId } = c.req.valid('param');
    await removeLtiPlatform(c.get('ctx'), c.get('actor'), slug, platformId);
    return c.body(null, 204);
  });
  app.openapi(listResourceLinks, async (c) => {
    const { slug, platformId } = c.req.valid('param');
    const resourceLinks = await getLtiResourceLinks(c.get('ctx'), c.get('actor'), slug, platformId);
    return c.json({ resourceLinks }, 200);
  });
  app.openapi(syncGrades, async (c) => {
    const { slug, linkId } = c.req.valid('param');
    return c.json(await syncLtiGradesAs(c.get('ctx'), c.get('actor'), slug, linkId), 200);
  });
}
