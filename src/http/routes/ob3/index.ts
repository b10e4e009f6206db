import { Hono } from 'hono';
import { cors } from 'hono/cors';
import {
  authorizationServerMetadata,
  serviceDescription,
} from '../../../services/ob3-api/discovery.ts';
import type { Api } from '../../env.ts';
import { oauthBearer } from './bearer-auth.ts';
import { mountOb3Credentials } from './credentials.ts';
import type { Ob3Env } from './env.ts';
import { mountOAuthEndpoints } from './oauth-endpoints.ts';
import { mountOb3Profile } from './profile.ts';
import { ob3ErrorHandler, statusInfoResponse } from './status-info.ts';

export const OB3_BASE_PATH = '/ims/ob/v3p0';

/**
 * The Open Badges 3.0 API (base path /ims/ob/v3p0) and the OAuth 2.0 endpoints that guard it.
 * Both authenticate on their own (access tokens; client credentials), so the app's session and
 * API-token middleware leaves these paths alone. CORS is open: requests carry bearer tokens,
 * never cookies, so a browser-based wallet on any origin may call them.
 */
export function mountOb3Api(app: Api) {
  const api = new Hono<Ob3Env>();
  api.use('*', cors({ origin: '*', exposeHeaders: ['X-Total-Count', 'Link', 'WWW-Authenticate'] }));
  api.get('/discovery', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(serviceDescription(c.get('ctx').publicUrl), 200);
  });
  api.use('/credentials', oauthBearer());
  api.use('/profile', oauthBearer());
  mountOb3Credentials(api);
  mountOb3Profile(api);
  for (const [path, allowed] of [
    ['/credentials', 'GET, POST'],
    ['/profile', 'GET, PUT'],
    ['/discovery', 'GET'],
  ] as const) {
    api.all(path, (c) => {
      c.header('Allow', allowed);
      return statusInfoResponse(c, 405, `${c.req.method} is not allowed here; use ${allowed}.`);
    });
  }
  api.all('*', (c) =>
    statusInfoResponse(
      c,
      404,
      `Nothing is at ${c.req.method} ${c.req.path}; see ${OB3_BASE_PATH}/discovery.`,
    ),
  );
  api.onError(ob3ErrorHandler);
  app.route(OB3_BASE_PATH, api as unknown as Api);
  app.get('/.well-known/oauth-authorization-server', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(authorizationServerMetadata(c.get('ctx').publicUrl), 200);
  });
  mountOAuthEndpoints(app);
}
