import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { bakeSvg } from '../../credentials/baking/index.ts';
import type { JsonObject } from '../../credentials/types.ts';
import type { Api } from '../../http/env.ts';
import { renderBadgeSvg } from '../../services/sharing/badge-image.ts';
import { factsOf } from '../../services/sharing/owned-credential.ts';
import { getPortfolioSettings } from '../../services/sharing/portfolio.ts';
import { createPresentation } from '../../services/sharing/presentations.ts';
import {
  createShareLink,
  openSharedCredential,
  revokeShareLinkOf,
  sharedCredentialRow,
  shareUrl,
} from '../../services/sharing/share-links.ts';
import { getSharingOverview } from '../../services/sharing/sharing-overview.ts';
import type { FieldErrors } from '../forms.ts';
import { credentialHead } from '../pages/credential.ts';
import { type SharingPageState, sharingCredentialPage } from '../pages/sharing-credential.ts';
import { type PresentationFormState, presentationFormPage } from '../pages/sharing-presentation.ts';
import { sharedCredentialPage } from '../pages/sharing-public.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

async function showSharing(
  c: WebContext,
  state: SharingPageState = {},
  status: ContentfulStatusCode = 200,
) {
  if (c.get('actor').kind === 'anonymous') return signInFirst(c);
  const overview = await getSharingOverview(c.get('ctx'), c.get('actor'), c.req.param('id')!);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: `Share ${overview.facts.achievementName}`, section: 'wallet' },
    sharingCredentialPage(overview, csrfTokenOf(c), state),
    status,
  );
}

/** Form bodies with repeated fields (checkbox lists) kept as arrays; files are not accepted. */
async function readFormWithLists(c: WebContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    );
    out[key] = values.length === 1 && !key.endsWith('Ids') ? values[0]! : values;
  }
  return out;
}

export function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const presentationForm = z.object({
  credentialIds: z.array(z.uuid()).min(1, { message: 'Credentials: choose at least one' }),
  challenge: z
    .string()
    .trim()
    .max(500, { message: 'Challenge: at most 500 characters' })
    .optional(),
  domain: z.string().trim().max(500, { message: 'Domain: at most 500 characters' }).optional(),
});

async function showPresentationForm(
  c: WebContext,
  state: PresentationFormState,
  status: ContentfulStatusCode = 200,
) {
  const settings = await getPortfolioSettings(c.get('ctx'), c.get('actor'));
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'Present credentials', section: 'wallet' },
    presentationFormPage(settings.credentials, csrfTokenOf(c), state),
    status,
  );
}

const notices: Record<string, string> = {
  created: 'Share link created. Anyone with it can see this credential until you revoke it.',
  revoked: 'The share link is revoked: it now shows nothing.',
};

/** The owner's share-and-export page, share links, the public `/s/{token}` page, presentations. */
export function mountSharingPages(app: Api) {
  app.get('/wallet/:id/share', (c) => {
    const done = c.req.query('done');
    return showSharing(c, done && done in notices ? { notice: notices[done] } : {});
  });

  app.post('/wallet/:id/share/links', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readFormWithLists(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    await createShareLink(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect(`/wallet/${c.req.param('id')}/share?done=created`, 303);
  });

  app.post('/wallet/:id/share/links/:linkId/revoke', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readFormWithLists(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    await revokeShareLinkOf(c.get('ctx'), c.get('actor'), c.req.param('id'), c.req.param('linkId'));
    return c.redirect(`/wallet/${c.req.param('id')}/share?done=revoked`, 303);
  });

  // The public page of a share link: the credential and a live check, or 404 and nothing else.
  app.get('/s/:token', async (c) => {
    const ctx = c.get('ctx');
    const token = c.req.param('token');
    c.header('Vary', 'Accept');
    c.header('Cache-Control', 'no-store');
    // Machines get the credential exactly as signed, to verify themselves (as at its `id` URL).
    if (!/text\/html/.test(c.req.header('accept') ?? '')) {
      const row = await sharedCredentialRow(ctx, token);
      return c.body(row.content, 200, {
        'content-type':
          factsOf(row).encoding === 'jwt' ? 'application/vc+jwt' : 'application/vc+ld+json',
        'access-control-allow-origin': '*',
      });
    }
    const shared = await openSharedCredential(ctx, token);
    const model = {
      credential: (shared.verification.credential ?? shared.facts.credential) as JsonObject,
      verification: shared.verification,
      revoked: shared.revoked,
      suspended: shared.suspended,
      url: shareUrl(ctx.publicUrl, token),
    };
    return render(
      c,
      { title: shared.facts.achievementName, head: credentialHead(model) },
      sharedCredentialPage(model, {}),
    );
  });

  // The snippet's image: our default badge with the credential baked in (it is public already).
  app.get('/s/:token/badge.svg', async (c) => {
    const row = await sharedCredentialRow(c.get('ctx'), c.req.param('token'));
    const facts = factsOf(row);
    const svg = renderBadgeSvg(facts);
    let body = svg;
    try {
      body = bakeSvg(svg, row.content);
    } catch {
      // Not bakeable (an OB 2.0 assertion): the plain badge still links to the page.
    }
    return c.body(body, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
  });

  app.get('/presentations/new', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const preselected = c.req.query('credential');
    return showPresentationForm(c, { values: { credentialIds: preselected ? [preselected] : [] } });
  });

  app.post('/presentations/new', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readFormWithLists(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const values = {
      credentialIds: listOf(form.credentialIds),
      challenge: typeof form.challenge === 'string' ? form.challenge : '',
      domain: typeof form.domain === 'string' ? form.domain : '',
    };
    const parsed = presentationForm.safeParse({
      credentialIds: values.credentialIds,
      challenge: values.challenge || undefined,
      domain: values.domain || undefined,
    });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0]);
        errors[name] ??=
          name === 'credentialIds' ? 'Credentials: choose at least one' : issue.message;
      }
      return showPresentationForm(c, { errors, values }, 400);
    }
    try {
      const presentation = await createPresentation(c.get('ctx'), c.get('actor'), {
        credentialIds: parsed.data.credentialIds,
        challenge: parsed.data.challenge || undefined,
        domain: parsed.data.domain || undefined,
      });
      return c.body(JSON.stringify(presentation, null, 2), 200, {
        'content-type': 'application/vp+ld+json',
        'content-disposition': 'attachment; filename="presentation.json"',
        'cache-control': 'no-store',
      });
    } catch (error) {
      const failure = formFailure(error);
      return showPresentationForm(c, { message: failure.message, values }, failure.status);
    }
  });
}
