import { createRoute, z } from '@hono/zod-openapi';
import { deleteAccount } from '../../../services/accounts.ts';
import { exportAccount } from '../../../services/wallet/account-export.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { storageOf } from '../projects/storage-of.ts';
import { requireAccount } from './wallet-schemas.ts';

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/export',
  tags: ['Accounts'],
  summary:
    'Everything about the signed-in account as a zip: account.json, credentials/ verbatim, submissions, quiz attempts, notifications',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'The zip',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses(401),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/me',
  tags: ['Accounts'],
  summary:
    'Delete the signed-in account and its personal data (issued credential records and the audit log stay)',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.strictObject({ password: z.string().min(1).max(256) }) },
      },
    },
  },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 409, 415) },
});

export function mountAccountDataRoutes(app: Api) {
  app.openapi(exportRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'export your account');
    const exported = await exportAccount(c.get('ctx'), actor, storageOf(c));
    return c.body(new Uint8Array(exported.zip), 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${exported.fileName}"`,
      'cache-control': 'no-store',
    }) as never;
  });
  app.openapi(deleteRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'delete your account');
    await deleteAccount(c.get('ctx'), actor, c.req.valid('json').password, storageOf(c));
    return c.body(null, 204);
  });
}
