import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Api } from '../../http/env.ts';
import { walletFilterOf, walletQuerySchema } from '../../http/routes/wallet/list-wallet.ts';
import { clearSessionCookie } from '../../http/session-cookie.ts';
import { deleteAccount, getAccount } from '../../services/accounts.ts';
import { createLocalDiskStorage } from '../../services/storage/local-disk-storage.ts';
import { listDids } from '../../services/wallet/dids.ts';
import {
  addEmail,
  describeEmailVerification,
  listEmails,
  removeEmail,
  resendEmailVerification,
  setPrimaryEmail,
  verifyEmail,
} from '../../services/wallet/emails.ts';
import { createOb2Verifier } from '../../services/wallet/import-ob2.ts';
import {
  getWalletCredential,
  listWallet,
  removeWalletCredential,
} from '../../services/wallet/wallet.ts';
import type { Html } from '../html.ts';
import { accountPage } from '../pages/account.ts';
import {
  accountDataSection,
  deleteAccountPage,
  type EmailsState,
  emailsSection,
  emailVerifiedPage,
  verifyEmailPage,
} from '../pages/wallet-account.ts';
import { walletDetailPage } from '../pages/wallet-detail.ts';
import { walletListPage } from '../pages/wallet-list.ts';
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

/** Back to this page, filters included, after signing in. */
function signInFirstKeepingQuery(c: WebContext) {
  return signInFirst(c, c.req.path + new URL(c.req.url).search);
}

/** The account page's sections this feature owns: addresses, DIDs, export and deletion. */
export async function accountSections(c: WebContext, state: EmailsState = {}): Promise<Html[]> {
  const ctx = c.get('ctx');
  const actor = c.get('actor');
  const [emails, dids] = await Promise.all([listEmails(ctx, actor), listDids(ctx, actor)]);
  return [emailsSection(emails, dids, csrfTokenOf(c), state), accountDataSection()];
}

async function showAccount(c: WebContext, state: EmailsState, status: ContentfulStatusCode = 200) {
  const actor = c.get('actor');
  if (actor.kind !== 'account') return signInFirstKeepingQuery(c);
  const account = await getAccount(c.get('ctx'), actor, actor.accountId);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'Account', section: 'account' },
    accountPage(account, await accountSections(c, state)),
    status,
  );
}

const emailForm = z.object({ email: z.email({ message: 'must be an email address' }).max(254) });

/** One account-address form: CSRF, validate, call the service, re-render the account page. */
function emailAction(path: string, act: (c: WebContext, email: string) => Promise<string>) {
  return async (c: WebContext) => {
    if (c.get('actor').kind !== 'account') return signInFirstKeepingQuery(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = emailForm.safeParse({ email: form.email?.trim() ?? '' });
    if (!parsed.success)
      return showAccount(c, { values: form, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      return showAccount(c, { notice: await act(c, parsed.data.email) });
    } catch (error) {
      const failure = formFailure(error);
      const status = (error as { code?: string }).code === 'not_found' ? 404 : failure.status;
      return showAccount(
        c,
        {
          values: path === '/account/emails' ? form : {},
          message: failure.message,
          errors: failure.errors,
        },
        status,
      );
    }
  };
}

export function mountWalletPages(app: Api) {
  app.get('/wallet', async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirstKeepingQuery(c);
    const query = Object.fromEntries(
      Object.entries(c.req.query()).filter(([, v]) => v.trim() !== ''),
    );
    const parsed = walletQuerySchema.safeParse(query);
    const filtered = Object.keys(query).length > 0;
    const credentials = await listWallet(
      c.get('ctx'),
      c.get('actor'),
      parsed.success ? walletFilterOf(parsed.data) : {},
    );
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      { title: 'My wallet', section: 'wallet' },
      walletListPage(credentials, query, {
        filtered,
        error: parsed.success
          ? undefined
          : `These filters could not be used: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}. Showing everything.`,
      }),
      parsed.success ? 200 : 400,
    );
  });

  app.get(`/wallet/:id{${uuid}}`, async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirstKeepingQuery(c);
    const ctx = c.get('ctx');
    const entry = await getWalletCredential(ctx, c.get('actor'), c.req.param('id'), {
      credential: ctx.verifyCredential,
      ob2: createOb2Verifier(ctx),
    });
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      { title: entry.achievementName ?? 'Credential', section: 'wallet' },
      walletDetailPage(entry, csrfTokenOf(c)),
    );
  });

  app.post(`/wallet/:id{${uuid}}/remove`, async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirstKeepingQuery(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const ctx = c.get('ctx');
    try {
      await removeWalletCredential(ctx, c.get('actor'), c.req.param('id'));
    } catch (error) {
      const failure = formFailure(error);
      if ((error as { code?: string }).code === 'not_found') throw error;
      const entry = await getWalletCredential(ctx, c.get('actor'), c.req.param('id'), {
        credential: ctx.verifyCredential,
        ob2: createOb2Verifier(ctx),
      });
      return render(
        c,
        { title: entry.achievementName ?? 'Credential', section: 'wallet' },
        walletDetailPage(entry, csrfTokenOf(c), failure.message),
        failure.status,
      );
    }
    return c.redirect('/wallet', 303);
  });

  app.post(
    '/account/emails',
    emailAction('/account/emails', async (c, email) => {
      await addEmail(c.get('ctx'), c.get('actor'), email);
      return `We sent a verification link to ${email}. It works once, within 24 hours.`;
    }),
  );
  app.post(
    '/account/emails/verify',
    emailAction('/account/emails/verify', async (c, email) => {
      await resendEmailVerification(c.get('ctx'), c.get('actor'), email);
      return `We sent a new verification link to ${email}.`;
    }),
  );
  app.post(
    '/account/emails/primary',
    emailAction('/account/emails/primary', async (c, email) => {
      await setPrimaryEmail(c.get('ctx'), c.get('actor'), email);
      return `${email} is now your primary address.`;
    }),
  );
  app.post(
    '/account/emails/remove',
    emailAction('/account/emails/remove', async (c, email) => {
      await removeEmail(c.get('ctx'), c.get('actor'), email);
      return `${email} was removed. Your credentials stay in your wallet.`;
    }),
  );

  // A link in a mail is opened with GET, which must never change anything (mail scanners open
  // links too): the page only shows a button whose POST verifies.
  app.get('/verify-email', async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirstKeepingQuery(c);
    const token = c.req.query('token') ?? '';
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    try {
      const { email } = await describeEmailVerification(c.get('ctx'), c.get('actor'), token);
      return render(
        c,
        { title: 'Verify your email address', section: 'account' },
        verifyEmailPage(token, email, csrfTokenOf(c)),
      );
    } catch (error) {
      const failure = formFailure(error);
      return render(
        c,
        { title: 'Verify your email address', section: 'account' },
        verifyEmailPage(token, undefined, undefined, failure.message),
        404,
      );
    }
  });
  app.post('/verify-email', async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirstKeepingQuery(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    try {
      const verified = await verifyEmail(c.get('ctx'), c.get('actor'), form.token ?? '');
      return render(
        c,
        { title: 'Address verified', section: 'account' },
        emailVerifiedPage(verified.email, verified.claimed),
      );
    } catch (error) {
      const failure = formFailure(error);
      return render(
        c,
        { title: 'Verify your email address', section: 'account' },
        verifyEmailPage('', undefined, undefined, failure.message),
        404,
      );
    }
  });

  app.get('/account/delete', (c) => {
    if (c.get('actor').kind !== 'account') return signInFirstKeepingQuery(c);
    return render(
      c,
      { title: 'Delete my account', section: 'account' },
      deleteAccountPage(csrfTokenOf(c)),
    );
  });
  app.post('/account/delete', async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirstKeepingQuery(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const show = (state: Parameters<typeof deleteAccountPage>[1], status: ContentfulStatusCode) =>
      render(
        c,
        { title: 'Delete my account', section: 'account' },
        deleteAccountPage(csrfTokenOf(c), state),
        status,
      );
    if (form.confirm !== 'yes')
      return show(
        {
          message: 'Tick the box to confirm.',
          errors: { confirm: 'Confirm that you want to delete your account.' },
        },
        400,
      );
    try {
      const ctx = c.get('ctx');
      await deleteAccount(
        ctx,
        c.get('actor'),
        form.password ?? '',
        createLocalDiskStorage(ctx.config.dataDir),
      );
    } catch (error) {
      const failure = formFailure(error);
      return show({ message: failure.message, errors: failure.errors }, failure.status);
    }
    // The session row went with the account; clear the cookie too.
    clearSessionCookie(c);
    return c.redirect('/?deleted=1', 303);
  });
}
