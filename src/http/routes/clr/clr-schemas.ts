import { z } from '@hono/zod-openapi';
import { CLR_ASSOCIATION_TYPES } from '../../../credentials/index.ts';

/** CLR 2.0 Association (§B.1.3) between two achievement ids of the record. */
export const associationSchema = z.strictObject({
  associationType: z.enum(CLR_ASSOCIATION_TYPES, {
    message: `must be one of: ${CLR_ASSOCIATION_TYPES.join(', ')}`,
  }),
  sourceId: z.string().min(1).max(2000),
  targetId: z.string().min(1).max(2000),
});

export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
