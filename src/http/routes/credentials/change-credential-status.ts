import { createRoute, z } from '@hono/zod-openapi';
import { changeCredentialStatus } from '../../../services/credentials/change-status.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';

const bodySchema = z
  .strictObject({
    action: z.enum(['revoke', 'suspend', 'unsuspend'], {
      message: 'must be revoke, suspend or unsuspend',
    }),
    reason: z
      .string()
      .trim()
      .min(3, { message: 'must say why (kept in the audit log, not published)' })
      .max(1000),
  })
  .openapi('CredentialStatusChange', {
    example: { action: 'revoke', reason: 'Issued to the wrong person' },
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/credentials/{id}/status',
  tags: ['Credentials'],
  summary: 'Revoke, suspend or reinstate a credential (issuers of its organization)',
  security: bearerSecurity,
  request: {
    params: z.object({ id: z.uuid({ message: 'must be a credential id (UUID)' }) }),
    body: { required: true, content: { 'application/json': { schema: bodySchema } } },
  },
  responses: {
    200: {
      description: 'The new status',
      content: {
        'application/json': { schema: z.object({ revoked: z.boolean(), suspended: z.boolean() }) },
      },
    },
    ...problemResponses(400, 401, 404, 409, 413, 415),
  },
});

export function mountChangeCredentialStatus(app: Api) {
  app.openapi(route, async (c) => {
    const { action, reason } = c.req.valid('json');
    return c.json(
      await changeCredentialStatus(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        action,
        reason,
      ),
      200,
    );
  });
}
