import { createRoute, z } from '@hono/zod-openapi';
import {
  consistencyProofOf,
  inclusionProofOf,
  logEntries,
  MAX_ENTRIES_PER_PAGE,
} from '../../../services/transparency/proofs.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import {
  consistencyProofSchema,
  inclusionProofSchema,
  publicHeaders,
  sizeSchema,
} from './transparency-schemas.ts';

const inclusionRoute = createRoute({
  method: 'get',
  path: '/transparency/proofs/inclusion',
  tags: ['Transparency'],
  summary: "A credential's inclusion proof (RFC 9162 §2.1.3), by id or SHA-256",
  request: {
    query: z.object({
      credential: z
        .string()
        .openapi({ description: 'Credential UUID, or hex SHA-256 of it as signed' }),
      treeSize: sizeSchema.optional().openapi({ description: 'Default: the latest signed head' }),
    }),
  },
  responses: {
    200: {
      description: 'The proof',
      content: { 'application/json': { schema: inclusionProofSchema } },
    },
    ...problemResponses(400, 404),
  },
});

const consistencyRoute = createRoute({
  method: 'get',
  path: '/transparency/proofs/consistency',
  tags: ['Transparency'],
  summary: 'The consistency proof between two tree sizes (RFC 9162 §2.1.4)',
  request: { query: z.object({ first: sizeSchema, second: sizeSchema }) },
  responses: {
    200: {
      description: 'The proof',
      content: { 'application/json': { schema: consistencyProofSchema } },
    },
    ...problemResponses(400),
  },
});

const entriesRoute = createRoute({
  method: 'get',
  path: '/transparency/entries',
  tags: ['Transparency'],
  summary: `Logged events [start, end), at most ${MAX_ENTRIES_PER_PAGE} at a time (for mirrors and auditors)`,
  request: { query: z.object({ start: sizeSchema, end: sizeSchema }) },
  responses: {
    200: {
      description: 'The entries',
      content: {
        'application/json': {
          schema: z.object({
            treeSize: z.number().int(),
            entries: z.array(
              z.object({ index: z.number().int(), leaf: z.string(), leafHash: z.string() }),
            ),
          }),
        },
      },
    },
    ...problemResponses(400),
  },
});

export function mountProofRoutes(app: Api) {
  app.openapi(inclusionRoute, async (c) => {
    const { credential, treeSize } = c.req.valid('query');
    return c.json(await inclusionProofOf(c.get('ctx'), credential, treeSize), 200, publicHeaders);
  });
  app.openapi(consistencyRoute, async (c) => {
    const { first, second } = c.req.valid('query');
    return c.json(await consistencyProofOf(c.get('ctx'), first, second), 200, publicHeaders);
  });
  app.openapi(entriesRoute, async (c) => {
    const { start, end } = c.req.valid('query');
    return c.json(await logEntries(c.get('ctx'), start, end), 200, publicHeaders);
  });
}
