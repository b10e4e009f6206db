import { z } from '@hono/zod-openapi';

/** Shapes shared by the learning routes (criteria, quizzes, attempts, progress). */

export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const idParams = (what: string) =>
  z.object({ id: z.uuid({ message: `must be ${what} id (UUID)` }) });

const formItemSchema = z.object({
  itemId: z.string(),
  competencyId: z.string(),
  kind: z.enum(['single', 'multiple', 'numeric', 'text']),
  prompt: z.string(),
  points: z.number(),
  options: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
});

export const attemptSchema = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    attemptNumber: z.number().int(),
    status: z.enum(['open', 'submitted', 'expired']),
    startedAt: z.string(),
    deadlineAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    form: z.object({ items: z.array(formItemSchema) }),
    result: z
      .object({
        score: z.number(),
        passed: z.boolean(),
        passScore: z.number(),
        subScores: z.array(
          z.object({ competencyId: z.string(), statement: z.string(), score: z.number() }),
        ),
        items: z.array(
          z.object({
            itemId: z.string(),
            correct: z.boolean(),
            earned: z.number(),
            points: z.number(),
            answer: z.unknown(),
          }),
        ),
      })
      .optional(),
  })
  .openapi('QuizAttempt', {
    description:
      'One attempt: its randomized form (prompts and options only, never answer keys) and, once submitted, the score per competency and per item.',
  });

export const assessmentSchema = z
  .object({
    id: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    kind: z.string(),
    title: z.string(),
    instructions: z.string(),
    settings: z.record(z.string(), z.unknown()),
    competencies: z.array(
      z.object({ id: z.string(), statement: z.string(), code: z.string().nullable() }),
    ),
    createdAt: z.string(),
  })
  .openapi('Assessment');

export const quizItemSchema = z
  .object({
    id: z.string(),
    competencyId: z.string(),
    kind: z.string(),
    prompt: z.string(),
    options: z.array(z.object({ id: z.string(), text: z.string() })),
    answerKey: z.record(z.string(), z.unknown()),
    points: z.number(),
  })
  .openapi('QuizItem', { description: 'An item of the bank with its answer key (issuers only).' });
