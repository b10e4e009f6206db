import { z } from 'zod';
import type { JsonObject } from '../../credentials/types.ts';
import type { Api } from '../../http/env.ts';
import {
  getPortfolioCredential,
  getPortfolioSettings,
  getPublicPortfolio,
  savePortfolio,
} from '../../services/sharing/portfolio.ts';
import type { FieldErrors } from '../forms.ts';
import { credentialHead } from '../pages/credential.ts';
import { publicPortfolioPage } from '../pages/portfolio-public.ts';
import { type PortfolioSettingsState, portfolioSettingsPage } from '../pages/portfolio-settings.ts';
import { sharedCredentialPage } from '../pages/sharing-public.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  render,
  type WebContext,
} from '../render.ts';
import { listOf } from './sharing.ts';

const settingsForm = z.object({
  slug: z.string().trim().min(1, { message: 'Address: choose one' }),
  headline: z.string().trim().max(300, { message: 'Headline: at most 300 characters' }),
});

async function showSettings(
  c: WebContext,
  state: PortfolioSettingsState = {},
  status: 200 | 400 | 403 | 409 = 200,
) {
  const settings = await getPortfolioSettings(c.get('ctx'), c.get('actor'));
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'My e-portfolio', section: 'wallet' },
    portfolioSettingsPage(settings, csrfTokenOf(c), state),
    status,
  );
}

/** The learner's portfolio settings and the public `/p/{slug}` pages. */
export function mountPortfolioPages(app: Api) {
  app.get('/portfolio', async (c) => {
    if (c.get('actor').kind === 'anonymous') return c.redirect('/sign-in?next=%2Fportfolio', 303);
    return showSettings(c, c.req.query('saved') ? { notice: 'Saved.' } : {});
  });

  app.post('/portfolio', async (c) => {
    if (c.get('actor').kind === 'anonymous') return c.redirect('/sign-in?next=%2Fportfolio', 303);
    const body = await c.req.parseBody({ all: true });
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
    if (!formIsTrusted(c, { _csrf: text('_csrf') })) return formExpired(c);
    const credentialIds = listOf(
      (Array.isArray(body.credentialIds) ? body.credentialIds : [body.credentialIds]).filter(
        (v): v is string => typeof v === 'string',
      ),
    );
    const values = {
      slug: text('slug'),
      headline: text('headline'),
      published: text('published') === 'on',
      credentialIds,
    };
    const parsed = settingsForm.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return showSettings(c, { errors, values }, 400);
    }
    try {
      await savePortfolio(c.get('ctx'), c.get('actor'), {
        slug: parsed.data.slug,
        headline: parsed.data.headline || null,
        published: values.published,
        credentialIds,
      });
      return c.redirect('/portfolio?saved=1', 303);
    } catch (error) {
      const failure = formFailure(error);
      const errors: FieldErrors = { ...failure.errors };
      if (failure.status === 409) errors.slug = `Address: ${failure.message}`;
      return showSettings(
        c,
        { message: failure.message, errors, values },
        failure.status === 409 ? 409 : failure.status === 403 ? 403 : 400,
      );
    }
  });

  app.get('/p/:slug', async (c) => {
    const portfolio = await getPublicPortfolio(c.get('ctx'), c.req.param('slug'));
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      {
        title: portfolio.ownerName ? `${portfolio.ownerName}: e-portfolio` : 'E-portfolio',
      },
      publicPortfolioPage(portfolio),
    );
  });

  app.get('/p/:slug/credentials/:id', async (c) => {
    const shared = await getPortfolioCredential(
      c.get('ctx'),
      c.req.param('slug'),
      c.req.param('id'),
    );
    const model = {
      credential: (shared.verification.credential ?? shared.facts.credential) as JsonObject,
      verification: shared.verification,
      revoked: shared.revoked,
      suspended: shared.suspended,
      url: `${shared.portfolioUrl}/credentials/${shared.row.id}`,
    };
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      { title: shared.facts.achievementName, head: credentialHead(model) },
      sharedCredentialPage(model, {
        sharedBy: shared.ownerName,
        backTo: { href: shared.portfolioUrl, label: `${shared.ownerName || 'Back'}: e-portfolio` },
      }),
    );
  });
}
