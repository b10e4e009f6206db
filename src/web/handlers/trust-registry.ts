import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ForbiddenError, SkillmarkError } from '../../domain/errors.ts';
import {
  trustedIssuerChangesSchema,
  trustedIssuerInputSchema,
} from '../../domain/trust-registry/entry.ts';
import type { Api } from '../../http/env.ts';
import {
  addTrustedIssuer,
  changeTrustedIssuer,
  getTrustedIssuer,
  listTrustRegistry,
  parseTrustRegistryInput,
  removeTrustedIssuer,
} from '../../services/trust-registry/manage.ts';
import type { FieldErrors } from '../forms.ts';
import { html } from '../html.ts';
import { type TrustFormState, trustEntryPage, trustRegistryPage } from '../pages/trust-registry.ts';
import {
  csrfTokenOf,
  formExpired,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

const ACCREDITATION = [
  'accreditingBody',
  'accreditationId',
  'accreditationUrl',
  'validUntil',
  'notes',
];

/** A refusal as the form shows it: the message, and each field's own words beside it. */
function formState(
  error: unknown,
  values: Record<string, string>,
): TrustFormState & { status: ContentfulStatusCode } {
  if (!(error instanceof SkillmarkError) || error.code === 'internal') throw error;
  const errors: FieldErrors = {};
  for (const { field, message } of error.fields ?? []) {
    const name = ['organization', 'did', 'domain'].includes(field)
      ? 'issuer'
      : field === '(body)'
        ? 'kind'
        : field;
    errors[name] ??= message;
  }
  const status = error.code === 'conflict' ? 409 : error.code === 'not_found' ? 404 : 400;
  return { values, errors, message: error.message, status };
}

function refused(c: WebContext, error: unknown) {
  if (!(error instanceof ForbiddenError)) throw error;
  return render(
    c,
    { title: 'Not allowed' },
    html`<h1>Not allowed</h1><p>${error.message}</p>`,
    403,
  );
}

async function showList(
  c: WebContext,
  state: TrustFormState = {},
  status: ContentfulStatusCode = 200,
) {
  const entries = await listTrustRegistry(c.get('ctx'), c.get('actor'));
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'Trust registry', section: 'admin' },
    trustRegistryPage(csrfTokenOf(c), entries, state),
    status,
  );
}

async function showEntry(
  c: WebContext,
  id: string,
  state: TrustFormState = {},
  status: ContentfulStatusCode = 200,
) {
  const entry = await getTrustedIssuer(c.get('ctx'), c.get('actor'), id);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: entry.name, section: 'admin' },
    trustEntryPage(csrfTokenOf(c), entry, state),
    status,
  );
}

/** The admin pages of the trust registry; every one asks the same policy rule as the API. */
export function mountTrustRegistryPages(app: Api) {
  app.get('/admin/trust-registry', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showList(c).catch((error) => refused(c, error));
  });

  app.post('/admin/trust-registry', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const kind = form.kind ?? '';
    const input: Record<string, string> = { kind };
    if (form.issuer?.trim()) input[kind === 'organization' ? 'organization' : kind] = form.issuer;
    for (const key of ['name', ...ACCREDITATION]) if (form[key]?.trim()) input[key] = form[key]!;
    try {
      const entry = await addTrustedIssuer(
        c.get('ctx'),
        c.get('actor'),
        parseTrustRegistryInput(trustedIssuerInputSchema, input),
      );
      return c.redirect(`/admin/trust-registry/${entry.id}`, 303);
    } catch (error) {
      if (error instanceof ForbiddenError) return refused(c, error);
      const { status, ...state } = formState(error, form);
      return showList(c, state, status);
    }
  });

  app.get('/admin/trust-registry/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showEntry(c, c.req.param('id')).catch((error) => refused(c, error));
  });

  app.post('/admin/trust-registry/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const id = c.req.param('id');
    const changes: Record<string, string | null> = { name: form.name ?? '' };
    for (const key of ACCREDITATION) changes[key] = form[key]?.trim() ? form[key]! : null;
    try {
      await changeTrustedIssuer(
        c.get('ctx'),
        c.get('actor'),
        id,
        parseTrustRegistryInput(trustedIssuerChangesSchema, changes),
      );
      return c.redirect(`/admin/trust-registry/${id}`, 303);
    } catch (error) {
      if (error instanceof ForbiddenError) return refused(c, error);
      const { status, ...state } = formState(error, form);
      return showEntry(c, id, state, status);
    }
  });

  app.post('/admin/trust-registry/:id/delete', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    try {
      await removeTrustedIssuer(c.get('ctx'), c.get('actor'), c.req.param('id'));
      return c.redirect('/admin/trust-registry', 303);
    } catch (error) {
      return refused(c, error);
    }
  });
}
