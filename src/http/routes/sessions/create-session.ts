import { createRoute, z } from '@hono/zod-openapi';
import { getAccount } from '../../../services/accounts.ts';
import { actorForAccount } from '../../../services/auth/authenticate.ts';
import { signIn } from '../../../services/auth/sessions.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { accountSchema, emailSchema } from '../../schemas.ts';
import { setSessionCookie } from '../../session-cookie.ts';

const bodySchema = z
  .strictObject({ email: emailSchema, password: z.string().min(1).max(256) })
  .openapi('SignIn', { example: { email: 'ada@example.org', password: 'skillmark-demo' } });

const route = createRoute({
  method: 'post',
  path: '/api/v1/sessions',
  tags: ['Accounts'],
  summary: 'Sign in: start a session (HTTP-only cookie)',
  request: { body: { required: true, content: { 'application/json': { schema: bodySchema } } } },
  responses: {
    200: {
      description: 'Signed in; a session cookie is set',
      content: { 'application/json': { schema: accountSchema } },
    },
    ...problemResponses(400, 401, 413, 415, 429),
  },
});

export function mountCreateSession(app: Api) {
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const session = await signIn(ctx, c.req.valid('json'));
    setSessionCookie(c, session.sessionToken, session.expiresAt);
    const actor = await actorForAccount(ctx, session.accountId);
    return c.json(await getAccount(ctx, actor, session.accountId), 200);
  });
}
