import type { Api } from '../../http/env.ts';
import { privacyPage, termsPage } from '../pages/oauth-policies.ts';
import { render } from '../render.ts';

/** The pages the OB 3.0 discovery document links to as privacy policy and terms of service. */
export function mountPolicyPages(app: Api) {
  app.get('/privacy', (c) => render(c, { title: 'Privacy' }, privacyPage()));
  app.get('/terms', (c) => render(c, { title: 'Terms for apps' }, termsPage()));
}
