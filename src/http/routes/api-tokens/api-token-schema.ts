import { z } from '@hono/zod-openapi';

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: z.string(),
    prefix: z
      .string()
      .openapi({ description: 'The first characters of the token, to tell tokens apart' }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .openapi('ApiToken');
