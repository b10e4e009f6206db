import { z } from '@hono/zod-openapi';

export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const credentialIdParams = z.object({
  credentialId: z.uuid({ message: 'must be a credential id (UUID)' }),
});

export const renewalViewSchema = z
  .object({
    credentialId: z.string(),
    credentialUrl: z.string(),
    achievementId: z.string().nullable(),
    achievementName: z.string(),
    validUntil: z.string(),
    state: z.enum(['expiring', 'expired']),
    renewedBy: z.string().nullable(),
    eligible: z.boolean(),
    reason: z.string().nullable(),
    routes: z.array(z.enum(['assessment', 'continuing-education'])),
    recertification: z
      .object({
        assessmentIds: z.array(z.string()),
        cutScore: z.number(),
        continuingEducationHours: z.number().nullable(),
      })
      .nullable(),
    pendingClaim: z
      .object({ hours: z.number(), description: z.string(), claimedAt: z.string() })
      .nullable(),
  })
  .openapi('Renewal');

/** What the learner sends: check the assessment, or claim continuing education. */
export const renewalRequestSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('assessment') }),
    z.strictObject({
      kind: z.literal('continuing-education'),
      hours: z
        .number({ error: 'hours must be a number of hours' })
        .min(0.5, 'hours must be at least 0.5')
        .max(10_000, 'hours must be at most 10000'),
      description: z
        .string({ error: 'description is required' })
        .trim()
        .min(1, 'description must not be empty')
        .max(5000, 'description must be at most 5000 characters'),
      link: z.url({ protocol: /^https?$/, error: 'link must be a full http(s) URL' }).optional(),
    }),
  ])
  .openapi('RenewalRequest');

export const renewalOutcomeSchema = z
  .object({
    status: z.enum(['renewed', 'pending-review']),
    credentialId: z.string().optional(),
    credentialUrl: z.string().optional(),
  })
  .openapi('RenewalOutcome');
