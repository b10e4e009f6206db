import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Api } from '../../http/env.ts';
import { renewalRequestSchema } from '../../http/routes/renewal/renewal-schemas.ts';
import { listMyRenewals } from '../../services/renewal/overview.ts';
import { type RenewalRequest, requestRenewal } from '../../services/renewal/recertify.ts';
import { type RenewalPageState, renewalListPage } from '../pages/renewal-list.ts';
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

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

async function show(
  c: WebContext,
  state: RenewalPageState = {},
  status: ContentfulStatusCode = 200,
) {
  const renewals = await listMyRenewals(c.get('ctx'), c.get('actor'));
  c.header('Cache-Control', 'no-store');
  return render(c, { title: 'Renewals' }, renewalListPage(renewals, csrfTokenOf(c), state), status);
}

/** One renewal form: CSRF, validate with the API's schema, call the service, re-render. */
function renewalAction(toRequest: (form: Record<string, string>) => unknown) {
  return async (c: WebContext) => {
    if (c.get('actor').kind !== 'account') return signInFirst(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const credentialId = c.req.param('id')!;
    const parsed = renewalRequestSchema.safeParse(toRequest(form));
    if (!parsed.success)
      return show(c, { credentialId, values: form, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      const outcome = await requestRenewal(
        c.get('ctx'),
        c.get('actor'),
        credentialId,
        parsed.data as RenewalRequest,
      );
      return show(c, {
        notice:
          outcome.status === 'renewed'
            ? 'Renewed: your new credential has been issued and is in your wallet.'
            : 'Thank you: your claim was sent to the issuer for review.',
      });
    } catch (error) {
      const failure = formFailure(error);
      const status = (error as { code?: string }).code === 'not_found' ? 404 : failure.status;
      return show(
        c,
        { credentialId, values: form, message: failure.message, errors: failure.errors },
        status,
      );
    }
  };
}

/** The learner's renewals page (issue 6 item 4). */
export function mountRenewalPages(app: Api) {
  app.get('/renewals', async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirst(c);
    return show(c);
  });
  app.post(
    `/renewals/:id{${uuid}}/assessment`,
    renewalAction(() => ({ kind: 'assessment' })),
  );
  app.post(
    `/renewals/:id{${uuid}}/continuing-education`,
    renewalAction((form) => ({
      kind: 'continuing-education',
      hours: form.hours?.trim() ? Number(form.hours) : undefined,
      description: form.description ?? '',
      ...(form.link?.trim() ? { link: form.link.trim() } : {}),
    })),
  );
}
