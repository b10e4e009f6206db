import { createRoute, z } from '@hono/zod-openapi';
import {
  createShareLink,
  listShareLinksOf,
  revokeShareLinkOf,
} from '../../../services/sharing/share-links.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { json, shareLinkSchema, walletIdParams } from './sharing-schemas.ts';

const path = '/api/v1/me/credentials/{id}/share-links';

const createRouteDef = createRoute({
  method: 'post',
  path,
  tags: ['Wallet sharing'],
  summary: 'Make a public, revocable link to one of your credentials',
  security: bearerSecurity,
  request: { params: walletIdParams },
  responses: {
    201: { description: 'Created', content: json(shareLinkSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const listRoute = createRoute({
  method: 'get',
  path,
  tags: ['Wallet sharing'],
  summary: 'The share links of one of your credentials, newest first (revoked ones too)',
  security: bearerSecurity,
  request: { params: walletIdParams },
  responses: {
    200: {
      description: 'The links',
      content: json(z.object({ shareLinks: z.array(shareLinkSchema) })),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: `${path}/{linkId}`,
  tags: ['Wallet sharing'],
  summary: 'Revoke a share link: from now on it shows nothing',
  security: bearerSecurity,
  request: {
    params: walletIdParams.extend({
      linkId: z.uuid({ message: 'must be a share link id (UUID)' }),
    }),
  },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
});

export function mountShareLinkRoutes(app: Api) {
  app.openapi(createRouteDef, async (c) => {
    const link = await createShareLink(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    c.header('Location', link.url);
    return c.json(link, 201);
  });
  app.openapi(listRoute, async (c) => {
    const shareLinks = await listShareLinksOf(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ shareLinks }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id, linkId } = c.req.valid('param');
    await revokeShareLinkOf(c.get('ctx'), c.get('actor'), id, linkId);
    return c.body(null, 204);
  });
}
