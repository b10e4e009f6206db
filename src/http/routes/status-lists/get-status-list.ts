import { NotFoundError } from '../../../domain/errors.ts';
import { publishStatusList } from '../../../services/credentials/status-lists.ts';
import type { Api } from '../../env.ts';

/**
 * Signed BitstringStatusListCredentials at stable URLs. Short public caching: verifiers and CDNs
 * may keep a copy for a minute, so a revocation shows everywhere within that time.
 */
export function mountStatusListRoutes(app: Api) {
  app.get('/status-lists/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/.test(id))
      throw new NotFoundError('There is no status list with this id.');
    const { credential, updatedAt } = await publishStatusList(c.get('ctx'), id);
    return c.body(JSON.stringify(credential), 200, {
      'content-type': 'application/vc+ld+json',
      'cache-control': 'public, max-age=60',
      'last-modified': updatedAt.toUTCString(),
      'access-control-allow-origin': '*',
    });
  });
}
