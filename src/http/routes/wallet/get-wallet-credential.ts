import { createRoute, z } from '@hono/zod-openapi';
import { createOb2Verifier } from '../../../services/wallet/import-ob2.ts';
import { getWalletCredential, removeWalletCredential } from '../../../services/wallet/wallet.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { requireAccount, walletCredentialSchema, walletIdParams } from './wallet-schemas.ts';

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/credentials/{id}',
  tags: ['Wallet'],
  summary: 'One wallet credential, verified again now (the cached status is updated)',
  security: bearerSecurity,
  request: { params: walletIdParams },
  responses: {
    200: {
      description: 'The credential, its fresh verification and its content verbatim',
      content: {
        'application/json': { schema: walletCredentialSchema.extend({ content: z.string() }) },
      },
    },
    ...problemResponses(400, 401, 404),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/me/credentials/{id}',
  tags: ['Wallet'],
  summary: 'Remove an imported credential from the wallet',
  security: bearerSecurity,
  request: { params: walletIdParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 404, 409) },
});

export function mountGetWalletCredential(app: Api) {
  app.openapi(getRoute, async (c) => {
    const ctx = c.get('ctx');
    const actor = requireAccount(c.get('actor'));
    const entry = await getWalletCredential(ctx, actor, c.req.valid('param').id, {
      credential: ctx.verifyCredential,
      ob2: createOb2Verifier(ctx),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(entry, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const actor = requireAccount(c.get('actor'));
    await removeWalletCredential(c.get('ctx'), actor, c.req.valid('param').id);
    return c.body(null, 204);
  });
}
