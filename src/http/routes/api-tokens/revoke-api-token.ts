import { createRoute, z } from '@hono/zod-openapi';
import { revokeToken } from '../../../services/api-tokens.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/organizations/{slug}/tokens/{tokenId}',
  tags: ['API tokens'],
  summary: 'Revoke an API token (owners); it stops working at once',
  security: bearerSecurity,
  request: {
    params: slugParamSchema.extend({ tokenId: z.uuid({ message: 'must be a token id (UUID)' }) }),
  },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
});

export function mountRevokeApiToken(app: Api) {
  app.openapi(route, async (c) => {
    const { slug, tokenId } = c.req.valid('param');
    await revokeToken(c.get('ctx'), c.get('actor'), slug, tokenId);
    return c.body(null, 204);
  });
}
