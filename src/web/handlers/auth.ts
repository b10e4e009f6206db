import { z } from 'zod';
import type { Api } from '../../http/env.ts';
import { emailSchema, passwordSchema } from '../../http/schemas.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import { signUp } from '../../services/accounts.ts';
import { signIn, signOut } from '../../services/auth/sessions.ts';
import { signInPage, signUpPage } from '../pages/auth-pages.ts';
import {
  fieldErrorsOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  type WebContext,
} from '../render.ts';

const signUpForm = z.object({
  displayName: z.string().trim().min(1, { message: 'is required' }).max(200),
  email: emailSchema,
  password: passwordSchema,
});
const signInForm = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'is required' }),
});

/** Only local paths, so a crafted link cannot bounce a person to another site after sign-in. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-/.?=&%]*$/.test(next) ? next : '/account';
}

async function startSession(
  c: WebContext,
  email: string,
  password: string,
  next: string | undefined,
) {
  const session = await signIn(c.get('ctx'), { email, password });
  setSessionCookie(c, session.sessionToken, session.expiresAt);
  return c.redirect(safeNext(next), 303);
}

export function mountAuthPages(app: Api) {
  app.get('/sign-in', (c) =>
    render(c, { title: 'Sign in', section: 'sign-in' }, signInPage({ next: c.req.query('next') })),
  );
  app.post('/sign-in', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = signInForm.safeParse(form);
    if (!parsed.success) {
      return render(
        c,
        { title: 'Sign in', section: 'sign-in' },
        signInPage(form, undefined, fieldErrorsOf(parsed.error)),
        400,
      );
    }
    try {
      return await startSession(c, parsed.data.email, parsed.data.password, form.next);
    } catch (error) {
      const failure = formFailure(error);
      return render(
        c,
        { title: 'Sign in', section: 'sign-in' },
        signInPage(form, failure.message),
        failure.status === 400 ? 401 : failure.status,
      );
    }
  });

  app.get('/sign-up', (c) =>
    render(c, { title: 'Create account', section: 'sign-up' }, signUpPage({})),
  );
  app.post('/sign-up', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = signUpForm.safeParse(form);
    if (!parsed.success) {
      return render(
        c,
        { title: 'Create account', section: 'sign-up' },
        signUpPage(form, undefined, fieldErrorsOf(parsed.error)),
        400,
      );
    }
    try {
      await signUp(c.get('ctx'), parsed.data);
      return await startSession(c, parsed.data.email, parsed.data.password, '/account');
    } catch (error) {
      const failure = formFailure(error);
      return render(
        c,
        { title: 'Create account', section: 'sign-up' },
        signUpPage(form, failure.message, failure.errors),
        failure.status,
      );
    }
  });

  app.post('/sign-out', async (c) => {
    const form = await readForm(c);
    const session = c.get('sessionToken');
    if (session && formIsTrusted(c, form)) await signOut(c.get('ctx'), session);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });
}
