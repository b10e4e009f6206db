import { z } from '@hono/zod-openapi';

const anyObject = z.record(z.string(), z.unknown());

export const goalIdParams = z.object({ id: z.uuid({ message: 'must be a goal id (UUID)' }) });

export const goalInput = z
  .object({
    occupationId: z.uuid().optional(),
    roleProfileId: z.uuid().optional(),
    statedText: z
      .string()
      .optional()
      .openapi({ description: 'What the learner typed, if anything' }),
  })
  .passthrough()
  .openapi('GoalInput');

export const goalSchema = z
  .object({
    id: z.uuid(),
    target: z.union([
      z.object({ kind: z.literal('occupation'), id: z.uuid(), uri: z.string(), label: z.string() }),
      z.object({ kind: z.literal('role-profile'), id: z.uuid(), label: z.string() }),
    ]),
    statedText: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Goal');

export const gapSchema = anyObject.openapi('GoalGap', {
  description:
    'The goal, each goal skill with its weight, status (covered | partly-covered | missing), covered fraction, remaining need and reason, and totals',
});
export const recommendationSchema = anyObject.openapi('GoalRecommendation', {
  description:
    'The ordered pathway (steps with the skills each closes and why it comes there), totals, coverage, optimizer figures (greedy vs exact, optimality gap), alternatives and start links',
});

const positive = (field: string) =>
  z.coerce
    .number({ message: `${field} must be a number` })
    .positive({ message: `${field} must be above 0` })
    .optional();

export const recommendationQuery = z.object({
  optimize: z
    .enum(['workload', 'cost'], { message: 'optimize must be "workload" or "cost"' })
    .optional(),
  budgetHours: positive('budgetHours'),
  budgetAmount: positive('budgetAmount'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
    .optional(),
  excludeIssuers: z
    .string()
    .optional()
    .openapi({ description: 'Comma-separated organization slugs whose credentials to leave out' }),
  alternatives: z.coerce
    .number({ message: 'alternatives must be a number' })
    .int({ message: 'alternatives must be a whole number' })
    .min(0, { message: 'alternatives must be between 0 and 5' })
    .max(5, { message: 'alternatives must be between 0 and 5' })
    .optional(),
});

export const settingsSchema = z
  .object({ countInProgressMastery: z.boolean() })
  .openapi('GoalSettings');

export const understandInput = z
  .object({ text: z.string().min(1).max(2000), limit: z.number().int().min(1).max(20).optional() })
  .openapi('GoalText');

export const offerSchema = z
  .object({
    achievementId: z.uuid(),
    prerequisiteIds: z.array(z.uuid()),
    price: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  })
  .openapi('AchievementOffer');

export const offerInput = z
  .object({
    prerequisiteIds: z.array(z.string()).optional(),
    price: z.object({ amount: z.number(), currency: z.string() }).nullable().optional(),
  })
  .passthrough()
  .openapi('AchievementOfferInput');
