import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { HttpEnv } from './env.ts';
import { sessionCookieName } from './middleware/authenticate.ts';

/** HttpOnly so scripts never see it, SameSite=Lax so other sites cannot post with it. */
export function setSessionCookie(c: Context<HttpEnv>, token: string, expiresAt: Date) {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('ctx').publicUrl.startsWith('https://'),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context<HttpEnv>) {
  deleteCookie(c, sessionCookieName, { path: '/' });
}
