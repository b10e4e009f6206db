import { z } from 'zod';
import type { Api } from '../../http/env.ts';
import {
  getLtiPlatforms,
  registerLtiPlatform,
  removeLtiPlatform,
  toolConfiguration,
} from '../../services/lti/platforms.ts';
import { getOrganization } from '../../services/organizations.ts';
import { ltiPlatformsPage, type PlatformForm } from '../pages/lti-platforms.ts';
import {
  csrfTokenOf,
  fieldErrorsOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

const required = z.string().trim().min(1, { message: 'is required' }).max(2000);
const platformForm = z.object({
  name: required,
  issuer: required,
  clientId: required,
  deploymentIds: required.transform((text) =>
    text
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  ),
  authLoginUrl: required,
  tokenUrl: required,
  jwksUrl: required,
});

async function showPlatforms(
  c: WebContext,
  form: PlatformForm = {},
  status: 200 | 201 | 400 | 409 = 200,
) {
  const ctx = c.get('ctx');
  const slug = c.req.param('slug')!;
  if (c.get('actor').kind === 'anonymous') return signInFirst(c, `/organizations/${slug}/lti`);
  const organization = await getOrganization(ctx, slug);
  const platforms = await getLtiPlatforms(ctx, c.get('actor'), slug);
  return render(
    c,
    { title: `LMS connections of ${organization.name}`, section: 'organizations' },
    ltiPlatformsPage(
      organization,
      toolConfiguration(ctx.publicUrl),
      platforms,
      csrfTokenOf(c),
      form,
    ),
    status,
  );
}

export function mountLtiPlatformPages(app: Api) {
  app.get('/organizations/:slug/lti', (c) => showPlatforms(c));
  app.post('/organizations/:slug/lti', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = platformForm.safeParse(form);
    if (!parsed.success)
      return showPlatforms(c, { values: form, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      const platform = await registerLtiPlatform(
        c.get('ctx'),
        c.get('actor'),
        c.req.param('slug'),
        parsed.data,
      );
      return showPlatforms(c, { notice: `${platform.name} is connected.` }, 201);
    } catch (error) {
      const failure = formFailure(error);
      return showPlatforms(
        c,
        { values: form, message: failure.message, errors: failure.errors },
        failure.status as 400 | 409,
      );
    }
  });
  app.post('/organizations/:slug/lti/:platformId/remove', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    await removeLtiPlatform(
      c.get('ctx'),
      c.get('actor'),
      c.req.param('slug'),
      c.req.param('platformId'),
    );
    return showPlatforms(c, { notice: 'Platform removed; its launches no longer work.' });
  });
}
