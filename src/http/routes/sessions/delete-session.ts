import { createRoute } from '@hono/zod-openapi';
import { signOut } from '../../../services/auth/sessions.ts';
import type { Api } from '../../env.ts';
import { clearSessionCookie } from '../../session-cookie.ts';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/sessions/current',
  tags: ['Accounts'],
  summary: 'Sign out: end the current session',
  responses: { 204: { description: 'Signed out (also when no session was open)' } },
});

export function mountDeleteSession(app: Api) {
  app.openapi(route, async (c) => {
    const token = c.get('sessionToken');
    if (token) await signOut(c.get('ctx'), token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
