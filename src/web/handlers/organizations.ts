import { z } from 'zod';
import { can, roleIn } from '../../domain/policy.ts';
import type { Api } from '../../http/env.ts';
import { organizationFieldsSchema, slugSchema } from '../../http/schemas.ts';
import { getAccount } from '../../services/accounts.ts';
import { getIssuerProfile } from '../../services/issuers/issuer-profile.ts';
import {
  createOrganization,
  editOrganization,
  getOrganization,
  presentOrganization,
} from '../../services/organizations.ts';
import { organizationPage, organizationsPage } from '../pages/organizations.ts';
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

const createForm = organizationFieldsSchema.extend({ slug: slugSchema });
const editableFields = ['name', 'kind', 'url', 'email', 'description', 'imageUrl', 'country'];

async function myOrganizations(c: WebContext) {
  const actor = c.get('actor');
  if (actor.kind !== 'account') return [];
  return (await getAccount(c.get('ctx'), actor, actor.accountId)).organizations;
}

async function showOrganization(
  c: WebContext,
  slug: string,
  form: Parameters<typeof organizationPage>[2] = {},
  status: 200 | 400 | 403 = 200,
) {
  const organization = await getOrganization(c.get('ctx'), slug);
  const actor = c.get('actor');
  const access = {
    role: roleIn(actor, organization.id),
    canManage: can(actor, { action: 'organization:update', organizationId: organization.id }),
    canIssue: can(actor, { action: 'credential:issue', organizationId: organization.id }),
    canManageAssessments: can(actor, {
      action: 'achievement:manage',
      organizationId: organization.id,
    }),
    canReview: can(actor, { action: 'submission:review', organizationId: organization.id }),
    issuerId: String((await getIssuerProfile(c.get('ctx'), slug)).id),
    csrfToken: csrfTokenOf(c),
  };
  return render(
    c,
    { title: organization.name, section: 'organizations' },
    organizationPage(presentOrganization(organization), access, form),
    status,
  );
}

export function mountOrganizationPages(app: Api) {
  app.get('/organizations', async (c) =>
    render(
      c,
      { title: 'Organizations', section: 'organizations' },
      organizationsPage(
        await myOrganizations(c),
        c.get('actor').kind === 'account',
        csrfTokenOf(c),
      ),
    ),
  );
  app.post('/organizations', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind !== 'account') return c.redirect('/sign-in?next=/organizations', 303);
    const parsed = createForm.safeParse(withoutBlanks(form, ['name', 'slug', 'kind', 'url']));
    const page = async (
      message: string | undefined,
      errors: Record<string, string>,
      status: 400 | 403 | 409 | 429,
    ) =>
      render(
        c,
        { title: 'Organizations', section: 'organizations' },
        organizationsPage(await myOrganizations(c), true, csrfTokenOf(c), {
          values: form,
          message,
          errors,
        }),
        status,
      );
    if (!parsed.success) return page(undefined, fieldErrorsOf(parsed.error), 400);
    try {
      const organization = await createOrganization(c.get('ctx'), c.get('actor'), parsed.data);
      return c.redirect(`/organizations/${organization.slug}`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return page(failure.message, failure.errors, failure.status as 400 | 403 | 409 | 429);
    }
  });
  app.get('/organizations/:slug', (c) => showOrganization(c, c.req.param('slug')));
  app.post('/organizations/:slug', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const slug = c.req.param('slug');
    const changes = Object.fromEntries(
      editableFields.map((key) => [key, form[key]?.trim() ? form[key]!.trim() : null]),
    );
    const parsed = organizationFieldsSchema
      .partial()
      .extend({ name: z.string().trim().min(2).max(200) })
      .safeParse(changes);
    if (!parsed.success)
      return showOrganization(c, slug, { errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      await editOrganization(c.get('ctx'), c.get('actor'), slug, parsed.data);
      return showOrganization(c, slug, { saved: true });
    } catch (error) {
      const failure = formFailure(error);
      return showOrganization(
        c,
        slug,
        { message: failure.message, errors: failure.errors },
        failure.status === 403 ? 403 : 400,
      );
    }
  });
}
