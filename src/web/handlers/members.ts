import { z } from 'zod';
import { can } from '../../domain/policy.ts';
import type { Api } from '../../http/env.ts';
import { emailSchema, roleSchema } from '../../http/schemas.ts';
import {
  getMembers,
  getOrganization,
  removeMember,
  setMember,
} from '../../services/organizations.ts';
import { membersPage } from '../pages/members.ts';
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

const memberForm = z.object({ email: emailSchema, role: roleSchema });

async function showMembers(
  c: WebContext,
  form: Parameters<typeof membersPage>[3] = {},
  status: 200 | 400 | 403 | 404 | 409 = 200,
) {
  const ctx = c.get('ctx');
  const slug = c.req.param('slug')!;
  const actor = c.get('actor');
  if (actor.kind === 'anonymous')
    return c.redirect(`/sign-in?next=/organizations/${slug}/members`, 303);
  const organization = await getOrganization(ctx, slug);
  const members = await getMembers(ctx, actor, slug);
  const canManage = can(actor, {
    action: 'organization:manage-members',
    organizationId: organization.id,
  });
  return render(
    c,
    { title: `Members of ${organization.name}`, section: 'organizations' },
    membersPage(organization, members, { canManage, csrfToken: csrfTokenOf(c) }, form),
    status,
  );
}

export function mountMemberPages(app: Api) {
  app.get('/organizations/:slug/members', (c) => showMembers(c));
  app.post('/organizations/:slug/members', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = memberForm.safeParse(form);
    if (!parsed.success)
      return showMembers(c, { values: form, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      await setMember(c.get('ctx'), c.get('actor'), c.req.param('slug'), parsed.data);
      return showMembers(c, { notice: `${parsed.data.email} is now ${parsed.data.role}.` });
    } catch (error) {
      const failure = formFailure(error);
      return showMembers(
        c,
        { values: form, message: failure.message, errors: failure.errors },
        failure.status as 400 | 403 | 409,
      );
    }
  });
  app.post('/organizations/:slug/members/:accountId/remove', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    try {
      await removeMember(
        c.get('ctx'),
        c.get('actor'),
        c.req.param('slug'),
        c.req.param('accountId'),
      );
      return showMembers(c, { notice: 'Member removed.' });
    } catch (error) {
      const failure = formFailure(error);
      return showMembers(c, { message: failure.message }, failure.status as 400 | 403 | 409);
    }
  });
}
