import { createRoute, z } from '@hono/zod-openapi';
import {
  latestTreeHead,
  signTreeHeadNow,
  treeHeadAt,
} from '../../../services/transparency/tree-heads.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { publicHeaders, sizeSchema, treeHeadSchema } from './transparency-schemas.ts';

const headContent = { 'application/json': { schema: treeHeadSchema } };

const latestRoute = createRoute({
  method: 'get',
  path: '/transparency/sth',
  tags: ['Transparency'],
  summary: 'The latest signed tree head of the issuance log',
  responses: { 200: { description: 'The head', content: headContent }, ...problemResponses(404) },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/transparency/sth/{size}',
  tags: ['Transparency'],
  summary: 'The signed tree head at a size (the history is kept)',
  request: { params: z.object({ size: sizeSchema }) },
  responses: {
    200: { description: 'The head', content: headContent },
    ...problemResponses(400, 404),
  },
});

const signRoute = createRoute({
  method: 'post',
  path: '/api/v1/transparency/sth',
  tags: ['Transparency'],
  summary:
    'Sign a tree head now (platform admins); returns the existing one if the log has not grown',
  security: bearerSecurity,
  responses: {
    200: { description: 'The log has not grown: its latest head', content: headContent },
    201: { description: 'A new head', content: headContent },
    ...problemResponses(401, 403),
  },
});

export function mountTreeHeadRoutes(app: Api) {
  app.openapi(latestRoute, async (c) =>
    c.json(await latestTreeHead(c.get('ctx')), 200, publicHeaders),
  );
  app.openapi(historyRoute, async (c) =>
    c.json(await treeHeadAt(c.get('ctx'), c.req.valid('param').size), 200, {
      ...publicHeaders,
      // A head at a size never changes.
      'cache-control': 'public, max-age=86400, immutable',
    }),
  );
  app.openapi(signRoute, async (c) => {
    const { head, created } = await signTreeHeadNow(c.get('ctx'), c.get('actor'));
    return created ? c.json(head, 201) : c.json(head, 200);
  });
}
