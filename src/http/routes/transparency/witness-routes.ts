import { createRoute, z } from '@hono/zod-openapi';
import { anchorText } from '../../../services/transparency/anchor.ts';
import {
  acceptCosignature,
  addWitness,
  listConfiguredWitnesses,
} from '../../../services/transparency/witnesses.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { publicHeaders, treeHeadSchema, witnessSchema } from './transparency-schemas.ts';

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/transparency/witnesses',
  tags: ['Transparency'],
  summary: 'Configure a witness whose cosignatures are accepted (platform admins)',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            name: z.string().trim().min(1).max(200),
            publicKeyMultibase: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]+$/, {
              message: 'must be an Ed25519 publicKeyMultibase (z6Mk…)',
            }),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: witnessSchema } } },
    ...problemResponses(400, 401, 403, 409),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/transparency/witnesses',
  tags: ['Transparency'],
  summary: 'The witnesses whose cosignatures this log accepts',
  responses: {
    200: {
      description: 'The witnesses',
      content: { 'application/json': { schema: z.object({ witnesses: z.array(witnessSchema) }) } },
    },
  },
});

const cosignRoute = createRoute({
  method: 'post',
  path: '/transparency/cosignatures',
  tags: ['Transparency'],
  summary: "A configured witness's cosignature of a tree head (verified before it is kept)",
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            treeSize: z.number().int().min(0),
            witness: z.string().min(1).max(200),
            signature: z.string().min(1).max(4000).openapi({
              description:
                "Compact JWS (EdDSA, typ skillmark-cosignature+jws) by the witness over the head's payload",
            }),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The head with its cosignatures',
      content: { 'application/json': { schema: treeHeadSchema } },
    },
    ...problemResponses(400, 404),
  },
});

const anchorRoute = createRoute({
  method: 'get',
  path: '/transparency/anchor',
  tags: ['Transparency'],
  summary: 'The latest signed head as plain text, to publish anywhere',
  responses: {
    200: { description: 'The anchor text', content: { 'text/plain': { schema: z.string() } } },
    ...problemResponses(404),
  },
});

export function mountWitnessRoutes(app: Api) {
  app.openapi(addRoute, async (c) =>
    c.json(await addWitness(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  );
  app.openapi(listRoute, async (c) =>
    c.json({ witnesses: await listConfiguredWitnesses(c.get('ctx')) }, 200, publicHeaders),
  );
  app.openapi(cosignRoute, async (c) =>
    c.json(await acceptCosignature(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(anchorRoute, async (c) => c.text(await anchorText(c.get('ctx')), 200, publicHeaders));
}
