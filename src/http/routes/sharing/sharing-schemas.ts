import { z } from '@hono/zod-openapi';

export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const walletIdParams = z.object({
  id: z.uuid({ message: 'must be a wallet credential id (UUID)' }),
});

export const shareLinkSchema = z
  .object({
    id: z.uuid(),
    url: z
      .string()
      .openapi({ description: 'The public page; whoever has it can see the credential' }),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    views: z.number().int(),
  })
  .openapi('ShareLink');
