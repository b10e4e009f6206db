import { z } from '@hono/zod-openapi';

export const json = (schema: z.ZodType) => ({ 'application/json': { schema } });

export const jobIdParams = z.object({ id: z.uuid({ message: 'must be a bulk award id (UUID)' }) });

export const bulkAwardSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    organizationSlug: z.string(),
    achievementId: z.string().nullable(),
    format: z.string(),
    status: z.enum(['validated', 'running', 'completed']),
    fileName: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    counts: z.object({
      total: z.number(),
      rejected: z.number(),
      accepted: z.number(),
      pending: z.number(),
      issued: z.number(),
      failed: z.number(),
    }),
  })
  .openapi('BulkAward', {
    description:
      "An award list: 'validated' (not started), 'running' (accepted rows being issued) or 'completed'",
  });

export const rowInputSchema = z.strictObject({
  recipient: z.string().max(2000).optional(),
  did: z.string().max(2000).optional(),
  narrative: z.string().max(10_000).optional(),
  evidenceUrl: z.string().max(4000).optional(),
  result: z.string().max(1000).optional(),
  issueDate: z.string().max(40).optional(),
  achievementId: z.string().max(60).optional(),
});

export const rejectedRowSchema = z.object({
  rowNumber: z.number(),
  reasons: z.array(z.string()),
  input: rowInputSchema,
});

export const failedRowSchema = z.object({
  rowNumber: z.number(),
  recipient: z.string().optional(),
  error: z.string(),
});
