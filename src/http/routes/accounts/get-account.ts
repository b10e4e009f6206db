import { createRoute, z } from '@hono/zod-openapi';
import { NotAuthenticatedError } from '../../../domain/errors.ts';
import { getAccount } from '../../../services/accounts.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { accountSchema, bearerSecurity } from '../../schemas.ts';

const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/me',
  tags: ['Accounts'],
  summary: 'The signed-in account',
  security: bearerSecurity,
  responses: {
    200: { description: 'The account', content: { 'application/json': { schema: accountSchema } } },
    ...problemResponses(401),
  },
});

const byIdRoute = createRoute({
  method: 'get',
  path: '/api/v1/accounts/{id}',
  tags: ['Accounts'],
  summary: 'One account: only its owner (or a platform admin) may read it',
  security: bearerSecurity,
  request: { params: z.object({ id: z.uuid({ message: 'must be an account id (UUID)' }) }) },
  responses: {
    200: { description: 'The account', content: { 'application/json': { schema: accountSchema } } },
    ...problemResponses(400, 401, 404),
  },
});

export function mountGetAccount(app: Api) {
  app.openapi(meRoute, async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'account') throw new NotAuthenticatedError('Sign in to see your account.');
    return c.json(await getAccount(c.get('ctx'), actor, actor.accountId), 200);
  });
  app.openapi(byIdRoute, async (c) => {
    const actor = c.get('actor');
    if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
    return c.json(await getAccount(c.get('ctx'), actor, c.req.valid('param').id), 200);
  });
}
