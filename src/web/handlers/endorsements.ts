import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { can } from '../../domain/policy.ts';
import type { Api } from '../../http/env.ts';
import { endorse } from '../../services/endorsements/endorse.ts';
import { getOrganization } from '../../services/organizations.ts';
import { type EndorsementFormState, endorsementFormPage } from '../pages/endorsement-form.ts';
import {
  csrfTokenOf,
  fieldErrorsOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  type WebContext,
} from '../render.ts';

const endorsementForm = z.object({
  targetKind: z.enum(['achievement', 'issuer']),
  targetId: z.string().trim().min(1, { message: 'is required' }).max(100),
  comment: z.string().trim().max(5000).optional(),
});

type Organization = Awaited<ReturnType<typeof getOrganization>>;

function show(
  c: WebContext,
  organization: Organization,
  state: EndorsementFormState,
  status: ContentfulStatusCode = 200,
) {
  return render(
    c,
    { title: 'Endorse', section: 'organizations' },
    endorsementFormPage(organization, csrfTokenOf(c), state),
    status,
  );
}

/** The endorsement form of an organization, for its owners and issuers. */
export function mountEndorsementPages(app: Api) {
  app.get('/organizations/:slug/endorsements/new', async (c) => {
    if (c.get('actor').kind === 'anonymous')
      return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    const organization = await getOrganization(c.get('ctx'), c.req.param('slug'));
    if (!can(c.get('actor'), { action: 'credential:issue', organizationId: organization.id }))
      return show(
        c,
        organization,
        { message: 'Only owners and issuers endorse in its name.' },
        403,
      );
    return show(c, organization, { values: { targetId: c.req.query('target') ?? '' } });
  });
  app.post('/organizations/:slug/endorsements/new', async (c) => {
    const organization = await getOrganization(c.get('ctx'), c.req.param('slug'));
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = endorsementForm.safeParse({
      ...form,
      comment: form.comment?.trim() ? form.comment : undefined,
    });
    if (!parsed.success)
      return show(c, organization, { errors: fieldErrorsOf(parsed.error), values: form }, 400);
    try {
      const issued = await endorse(c.get('ctx'), c.get('actor'), organization.slug, parsed.data);
      return c.redirect(`/credentials/${issued.id}`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return show(
        c,
        organization,
        { message: failure.message, errors: failure.errors, values: form },
        failure.status,
      );
    }
  });
}
