import { z } from 'zod';
import type { Api } from '../../http/env.ts';
import { roleSchema } from '../../http/schemas.ts';
import { createApiToken, getApiTokens, revokeToken } from '../../services/api-tokens.ts';
import { getOrganization } from '../../services/organizations.ts';
import { apiTokensPage } from '../pages/api-tokens.ts';
import {
  csrfTokenOf,
  fieldErrorsOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  type WebContext,
  withoutBlanks,
} from '../render.ts';

const tokenForm = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(100),
  role: roleSchema,
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

async function showTokens(
  c: WebContext,
  form: Parameters<typeof apiTokensPage>[3] = {},
  status: 200 | 201 | 400 | 403 | 404 = 200,
) {
  const ctx = c.get('ctx');
  const slug = c.req.param('slug')!;
  if (c.get('actor').kind === 'anonymous')
    return c.redirect(`/sign-in?next=/organizations/${slug}/tokens`, 303);
  const organization = await getOrganization(ctx, slug);
  const tokens = await getApiTokens(ctx, c.get('actor'), slug);
  // A page that may show a new secret must never be cached.
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: `API tokens of ${organization.name}`, section: 'organizations' },
    apiTokensPage(organization, tokens, csrfTokenOf(c), form),
    status,
  );
}

export function mountApiTokenPages(app: Api) {
  app.get('/organizations/:slug/tokens', (c) => showTokens(c));
  app.post('/organizations/:slug/tokens', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = tokenForm.safeParse(withoutBlanks(form, ['name', 'role', 'expiresInDays']));
    if (!parsed.success)
      return showTokens(c, { values: form, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      const created = await createApiToken(
        c.get('ctx'),
        c.get('actor'),
        c.req.param('slug'),
        parsed.data,
      );
      return showTokens(c, { newSecret: created.secret }, 201);
    } catch (error) {
      const failure = formFailure(error);
      return showTokens(
        c,
        { values: form, message: failure.message, errors: failure.errors },
        failure.status as 400 | 403,
      );
    }
  });
  app.post('/organizations/:slug/tokens/:tokenId/revoke', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    try {
      await revokeToken(c.get('ctx'), c.get('actor'), c.req.param('slug'), c.req.param('tokenId'));
      return showTokens(c, { notice: 'Token revoked. It no longer works.' });
    } catch (error) {
      const failure = formFailure(error);
      return showTokens(c, { message: failure.message }, failure.status as 400 | 403);
    }
  });
}
