import { createRoute, z } from '@hono/zod-openapi';
import { getAccount, signUp } from '../../../services/accounts.ts';
import { signIn } from '../../../services/auth/sessions.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { accountSchema, emailSchema, passwordSchema } from '../../schemas.ts';
import { setSessionCookie } from '../../session-cookie.ts';

const bodySchema = z
  .strictObject({
    email: emailSchema,
    password: passwordSchema,
    displayName: z.string().trim().min(1).max(200),
  })
  .openapi('SignUp', {
    example: {
      email: 'ada@example.org',
      password: 'correct horse battery',
      displayName: 'Ada Lovelace',
    },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/accounts',
  tags: ['Accounts'],
  summary: 'Sign up: create an account and start a session',
  request: { body: { required: true, content: { 'application/json': { schema: bodySchema } } } },
  responses: {
    201: {
      description: 'Created; a session cookie is set',
      content: { 'application/json': { schema: accountSchema } },
    },
    ...problemResponses(400, 409, 413, 415, 429),
  },
});

export function mountCreateAccount(app: Api) {
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const input = c.req.valid('json');
    const { accountId } = await signUp(ctx, input);
    const session = await signIn(ctx, input);
    setSessionCookie(c, session.sessionToken, session.expiresAt);
    const actor = { kind: 'account' as const, accountId, isAdmin: false, memberships: new Map() };
    return c.json(await getAccount(ctx, actor, accountId), 201);
  });
}
