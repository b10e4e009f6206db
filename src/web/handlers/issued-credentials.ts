import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Api } from '../../http/env.ts';
import {
  changeCredentialStatus,
  type StatusChange,
} from '../../services/credentials/change-status.ts';
import { listIssuedCredentialsOf } from '../../services/credentials/list-issued.ts';
import { getOrganization } from '../../services/organizations.ts';
import {
  type IssuedCredentialsState,
  issuedCredentialsPage,
  reasonField,
} from '../pages/issued-credentials.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  type WebContext,
} from '../render.ts';

// The same rule as the API's: the reason goes to the audit log, never into the public list.
const statusForm = z.object({
  action: z.enum(['revoke', 'suspend', 'unsuspend']),
  reason: z
    .string()
    .trim()
    .min(3, { message: 'Reason: say why, in a few words (kept in the audit log, not published)' })
    .max(1000, { message: 'Reason: at most 1000 characters' }),
});

const confirmations: Record<StatusChange, string> = {
  revoke:
    'is revoked. Anyone who checks it now sees that it is no longer valid. This cannot be undone.',
  suspend:
    'is suspended. Anyone who checks it now sees that it is suspended, until you reinstate it.',
  unsuspend: 'is reinstated. It verifies as valid again.',
};

async function showIssued(
  c: WebContext,
  state: IssuedCredentialsState = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const slug = c.req.param('slug')!;
  if (c.get('actor').kind === 'anonymous')
    return c.redirect(`/sign-in?next=/organizations/${slug}/credentials`, 303);
  const organization = await getOrganization(ctx, slug);
  const credentials = await listIssuedCredentialsOf(ctx, c.get('actor'), slug);
  // Recipients' emails are on this page.
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: `Credentials issued by ${organization.name}`, section: 'organizations' },
    issuedCredentialsPage(organization, credentials, csrfTokenOf(c), state),
    status,
  );
}

export function mountIssuedCredentialPages(app: Api) {
  app.get('/organizations/:slug/credentials', (c) => showIssued(c));
  app.post('/organizations/:slug/credentials/:credentialId/status', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const credentialId = c.req.param('credentialId');
    const field = reasonField(credentialId);
    const parsed = statusForm.safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const onReason = issue.path[0] === 'reason';
      return showIssued(
        c,
        {
          values: { [field]: form.reason ?? '' },
          errors: onReason ? { [field]: issue.message } : {},
          message: onReason ? undefined : 'Choose revoke, suspend or reinstate.',
        },
        400,
      );
    }
    try {
      const { action, reason } = parsed.data;
      await changeCredentialStatus(c.get('ctx'), c.get('actor'), credentialId, action, reason);
      return showIssued(c, { notice: `The credential ${confirmations[action]}` });
    } catch (error) {
      const failure = formFailure(error);
      return showIssued(c, { message: failure.message }, failure.status);
    }
  });
}
