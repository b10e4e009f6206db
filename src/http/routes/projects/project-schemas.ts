import { z } from '@hono/zod-openapi';
import { rubricInputSchema } from '../../../domain/projects/rubric.ts';

/** Shapes shared by the project, review and peer-review routes. */

export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const idParams = (what: string) =>
  z.object({ id: z.uuid({ message: `must be ${what} id (UUID)` }) });

const rubricCriterionView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  competencyId: z.string(),
  levels: z.array(
    z.object({ value: z.number(), title: z.string(), description: z.string().optional() }),
  ),
});

export const rubricSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    criteria: z.array(rubricCriterionView),
    createdAt: z.iso.datetime(),
  })
  .openapi('Rubric');

export const rubricBodySchema = rubricInputSchema;

export const levelsSchema = z
  .record(z.string(), z.number().int().min(0).max(20))
  .openapi({ description: 'criterion id → the level value reached', example: { analysis: 3 } });

const fileViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  url: z.string(),
});

const similaritySchema = z.object({
  submissionId: z.uuid(),
  jaccard: z.number(),
  containment: z.number(),
  passages: z.array(z.object({ text: z.string(), otherText: z.string() })),
});

const peerScoreSchema = z
  .object({
    reviewCount: z.number().int(),
    criteria: z.record(
      z.string(),
      z.object({ median: z.number(), level: z.number(), score: z.number() }),
    ),
    weights: z.record(z.string(), z.number()),
    agreement: z.number(),
  })
  .nullable()
  .openapi('PeerScore', {
    description:
      'Completed peer reviews combined: median per criterion, weighted by how much each reviewer agrees with the others.',
  });

export const submissionSchema = z
  .object({
    id: z.uuid(),
    assessmentId: z.uuid(),
    assessmentTitle: z.string(),
    assessmentKind: z.string(),
    version: z.number().int(),
    status: z.string().optional(),
    text: z.string(),
    links: z.array(z.string()),
    files: z.array(fileViewSchema),
    submittedAt: z.iso.datetime(),
    shareAsEvidence: z.boolean().optional(),
    learner: z.object({ id: z.uuid(), displayName: z.string() }).optional(),
    decision: z
      .object({
        decision: z.string().nullable(),
        levels: z.record(z.string(), z.number()).nullable(),
        feedback: z.string().nullable(),
        decidedAt: z.string().nullable(),
      })
      .optional(),
    peerReviews: z
      .array(
        z.object({
          levels: z.record(z.string(), z.number()).nullable(),
          feedback: z.string().nullable(),
          completedAt: z.string().nullable(),
          reviewer: z.string().optional(),
        }),
      )
      .optional(),
    peerScore: peerScoreSchema.optional(),
    similarity: z.array(similaritySchema).optional(),
    rubric: z.object({ id: z.uuid(), title: z.string(), criteria: z.array(rubricCriterionView) }),
  })
  .openapi('Submission', {
    description:
      'A submission as the caller may see it: peer reviewers get no author; learners get peer reviews without reviewers; assessors get everything, with similarity flags.',
  });

export const queueEntrySchema = z
  .object({
    submissionId: z.uuid(),
    assessmentId: z.uuid(),
    assessmentTitle: z.string(),
    assessmentKind: z.string(),
    learner: z.object({ id: z.uuid(), displayName: z.string() }),
    version: z.number().int(),
    submittedAt: z.iso.datetime(),
    peerReviews: z.object({ completed: z.number().int(), assigned: z.number().int() }),
    peerScore: peerScoreSchema,
    similarity: z.array(similaritySchema),
  })
  .openapi('ReviewQueueEntry');
