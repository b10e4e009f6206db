import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Api } from '../../http/env.ts';
import { exportLearnerClr } from '../../services/clr/learner-export.ts';
import { listWallet } from '../../services/wallet/wallet.ts';
import { type ClrFormState, clrExportPage } from '../pages/clr-export.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

async function showForm(c: WebContext, state: ClrFormState, status: ContentfulStatusCode = 200) {
  const credentials = await listWallet(c.get('ctx'), c.get('actor'));
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'Comprehensive Learner Record', section: 'wallet' },
    clrExportPage(credentials, csrfTokenOf(c), state),
    status,
  );
}

/** The learner's CLR export: pick credentials, download the signed ClrCredential. */
export function mountClrPages(app: Api) {
  app.get('/clr/new', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showForm(c, {});
  });
  app.post('/clr/new', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const body = await c.req.parseBody({ all: true });
    if (!formIsTrusted(c, { _csrf: body._csrf })) return formExpired(c);
    const ids = [body.walletCredentialIds ?? []]
      .flat()
      .filter((v): v is string => typeof v === 'string');
    const values = { walletCredentialIds: ids };
    if (ids.length === 0)
      return showForm(
        c,
        { errors: { walletCredentialIds: 'Credentials: choose at least one' }, values },
        400,
      );
    try {
      const clr = await exportLearnerClr(c.get('ctx'), c.get('actor'), {
        walletCredentialIds: ids,
      });
      return c.body(JSON.stringify(clr, null, 2), 200, {
        'content-type': 'application/vc+ld+json',
        'content-disposition': 'attachment; filename="clr.json"',
        'cache-control': 'no-store',
      });
    } catch (error) {
      const failure = formFailure(error);
      return showForm(c, { message: failure.message, values }, failure.status);
    }
  });
}
