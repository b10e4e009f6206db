import type { Api } from '../../http/env.ts';
import { listAuthorizedApps, revokeAuthorizedApp } from '../../services/oauth/revoke.ts';
import { authorizedAppsPage } from '../pages/oauth-apps.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

async function showApps(c: WebContext, notice?: string, status: 200 | 404 = 200) {
  const apps = await listAuthorizedApps(c.get('ctx'), c.get('actor'));
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'Authorized apps', section: 'account' },
    authorizedAppsPage(apps, csrfTokenOf(c), notice),
    status,
  );
}

/** The learner's list of apps allowed into the account through OAuth, with revocation. */
export function mountOAuthAppPages(app: Api) {
  app.get('/account/apps', async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirst(c);
    return showApps(c);
  });
  app.post('/account/apps/:grantId/revoke', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind !== 'account') return signInFirst(c, '/account/apps');
    try {
      await revokeAuthorizedApp(c.get('ctx'), c.get('actor'), c.req.param('grantId'));
      return showApps(c, 'Access revoked. The app can no longer use your account.');
    } catch (error) {
      return showApps(c, formFailure(error).message, 404);
    }
  });
}
