import { createRoute, z } from '@hono/zod-openapi';
import { addDid, createDidChallenge, listDids, removeDid } from '../../../services/wallet/dids.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { didViewSchema, requireAccount } from './wallet-schemas.ts';

const tags = ['Account DIDs'];

const challengeRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/dids/challenge',
  tags,
  summary:
    'A challenge and domain to sign, as a Verifiable Presentation, with the DID (10 minutes)',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Sign a presentation with `holder` = your DID, proof purpose authentication',
      content: {
        'application/json': {
          schema: z.object({
            challenge: z.string(),
            domain: z.string(),
            expiresAt: z.iso.datetime(),
          }),
        },
      },
    },
    ...problemResponses(401),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/dids',
  tags,
  summary:
    'Link a DID by a presentation it signed over our challenge; claims credentials issued to it',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            challenge: z.string().min(1).max(500),
            presentation: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Linked',
      content: {
        'application/json': { schema: didViewSchema.extend({ claimed: z.number().int() }) },
      },
    },
    ...problemResponses(400, 401, 409, 413, 415),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/dids',
  tags,
  summary: 'The DIDs linked to the signed-in account',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Linked DIDs',
      content: { 'application/json': { schema: z.object({ dids: z.array(didViewSchema) }) } },
    },
    ...problemResponses(401),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/v1/me/dids/{did}',
  tags,
  summary: 'Unlink a DID (credentials already in the wallet stay)',
  security: bearerSecurity,
  request: {
    params: z.object({ did: z.string().regex(/^did:[a-z0-9]+:.+/, { message: 'must be a DID' }) }),
  },
  responses: { 204: { description: 'Unlinked' }, ...problemResponses(400, 401, 404) },
});

export function mountDidRoutes(app: Api) {
  app.openapi(challengeRoute, (c) => {
    const actor = requireAccount(c.get('actor'), 'link a DID');
    c.header('Cache-Control', 'no-store');
    return c.json(createDidChallenge(c.get('ctx'), actor), 200);
  });
  app.openapi(addRoute, async (c) => {
    const ctx = c.get('ctx');
    const actor = requireAccount(c.get('actor'), 'link a DID');
    const linked = await addDid(ctx, actor, c.req.valid('json'), ctx.verifyPresentation);
    return c.json(linked, 201);
  });
  app.openapi(listRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'see your DIDs');
    return c.json({ dids: await listDids(c.get('ctx'), actor) }, 200);
  });
  app.openapi(removeRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'unlink a DID');
    await removeDid(c.get('ctx'), actor, c.req.valid('param').did);
    return c.body(null, 204);
  });
}
