import { createRoute, z } from '@hono/zod-openapi';
import { listWallet, walletStatuses } from '../../../services/wallet/wallet.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { requireAccount, walletCredentialSchema } from './wallet-schemas.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2025-06-30' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be a real date' });

export const walletQuerySchema = z.object({
  issuer: z.string().trim().min(1).max(300).optional(),
  skill: z.string().trim().min(1).max(300).optional(),
  from: day.optional(),
  to: day.optional(),
  status: z.enum(walletStatuses).optional(),
});

const route = createRoute({
  method: 'get',
  path: '/api/v1/me/credentials',
  tags: ['Wallet'],
  summary: 'The signed-in learner’s credentials, with their last verification status',
  security: bearerSecurity,
  request: { query: walletQuerySchema },
  responses: {
    200: {
      description: 'The wallet, newest first',
      content: {
        'application/json': { schema: z.object({ credentials: z.array(walletCredentialSchema) }) },
      },
    },
    ...problemResponses(400, 401),
  },
});

/** Date filters cover whole days: `to` includes the day it names. */
export function walletFilterOf(query: z.infer<typeof walletQuerySchema>) {
  return {
    issuer: query.issuer,
    skill: query.skill,
    status: query.status,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? new Date(`${query.to}T23:59:59.999Z`) : undefined,
  };
}

export function mountListWallet(app: Api) {
  app.openapi(route, async (c) => {
    const actor = requireAccount(c.get('actor'));
    const credentials = await listWallet(c.get('ctx'), actor, walletFilterOf(c.req.valid('query')));
    c.header('Cache-Control', 'no-store');
    return c.json({ credentials }, 200);
  });
}
