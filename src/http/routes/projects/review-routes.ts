import { createRoute, z } from '@hono/zod-openapi';
import {
  completePeerReview,
  decideSubmission,
  listMyPeerReviews,
  presentSubmission,
  requirePeerTask,
  reviewQueue,
} from '../../../services/projects/index.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, slugParamSchema } from '../../schemas.ts';
import {
  idParams,
  json,
  levelsSchema,
  queueEntrySchema,
  submissionSchema,
} from './project-schemas.ts';

const queueRoute = createRoute({
  method: 'get',
  path: '/api/v1/organizations/{slug}/review-queue',
  tags: ['Projects'],
  summary: 'Submissions awaiting an assessor, with peer scores and similarity flags (assessors)',
  security: bearerSecurity,
  request: { params: slugParamSchema },
  responses: {
    200: {
      description: 'The queue, oldest first',
      content: json(z.object({ submissions: z.array(queueEntrySchema) })),
    },
    ...problemResponses(401, 403, 404),
  },
});

const decisionBody = z
  .strictObject({
    levels: levelsSchema,
    feedback: z.string().trim().max(20_000).default(''),
    decision: z.enum(['accept', 'resubmit'], { message: "must be 'accept' or 'resubmit'" }),
  })
  .openapi('AssessorDecision');

const decideRoute = createRoute({
  method: 'post',
  path: '/api/v1/submissions/{id}/decision',
  tags: ['Projects'],
  summary:
    'Score against the rubric and accept (records competency evidence) or request a resubmission (assessors)',
  security: bearerSecurity,
  request: {
    params: idParams('a submission'),
    body: { required: true, content: json(decisionBody) },
  },
  responses: {
    200: { description: 'Decided', content: json(submissionSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 415),
  },
});

const peerTaskSchema = z
  .object({
    reviewId: z.uuid(),
    submissionId: z.uuid(),
    assessmentId: z.uuid(),
    assessmentTitle: z.string(),
    assignedAt: z.iso.datetime(),
    completedAt: z.string().nullable(),
  })
  .openapi('PeerReviewTask');

const listPeerRoute = createRoute({
  method: 'get',
  path: '/api/v1/peer-reviews',
  tags: ['Projects'],
  summary: 'The peer reviews assigned to the signed-in learner (authors are not named)',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'The tasks',
      content: json(z.object({ reviews: z.array(peerTaskSchema) })),
    },
    ...problemResponses(401),
  },
});

const getPeerRoute = createRoute({
  method: 'get',
  path: '/api/v1/peer-reviews/{id}',
  tags: ['Projects'],
  summary: 'One assigned peer review with the anonymous submission and its rubric',
  security: bearerSecurity,
  request: { params: idParams('a review') },
  responses: {
    200: {
      description: 'The task',
      content: json(
        z.object({
          review: peerTaskSchema.omit({ assessmentTitle: true, assessmentId: true }).extend({
            levels: z.record(z.string(), z.number()).nullable(),
            feedback: z.string().nullable(),
          }),
          submission: submissionSchema,
        }),
      ),
    },
    ...problemResponses(400, 401, 404),
  },
});

const peerBody = z
  .strictObject({ levels: levelsSchema, feedback: z.string().trim().max(20_000).default('') })
  .openapi('PeerReviewInput');

const completePeerRoute = createRoute({
  method: 'post',
  path: '/api/v1/peer-reviews/{id}',
  tags: ['Projects'],
  summary: 'Complete an assigned peer review (once)',
  security: bearerSecurity,
  request: { params: idParams('a review'), body: { required: true, content: json(peerBody) } },
  responses: {
    200: { description: 'Completed', content: json(z.object({ completedAt: z.iso.datetime() })) },
    ...problemResponses(400, 401, 404, 409, 415),
  },
});

export function mountReviewRoutes(app: Api) {
  app.openapi(queueRoute, async (c) => {
    const entries = await reviewQueue(c.get('ctx'), c.get('actor'), c.req.valid('param').slug);
    return c.json({ submissions: entries }, 200);
  });
  app.openapi(decideRoute, async (c) => {
    const ctx = c.get('ctx');
    const access = await decideSubmission(
      ctx,
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(await presentSubmission(ctx, access), 200);
  });
  app.openapi(listPeerRoute, async (c) => {
    return c.json({ reviews: await listMyPeerReviews(c.get('ctx'), c.get('actor')) }, 200);
  });
  app.openapi(getPeerRoute, async (c) => {
    const ctx = c.get('ctx');
    const { review, access } = await requirePeerTask(ctx, c.get('actor'), c.req.valid('param').id);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        review: {
          reviewId: review.id,
          submissionId: review.submissionId,
          assignedAt: review.assignedAt.toISOString(),
          completedAt: review.completedAt?.toISOString() ?? null,
          levels: review.levels as Record<string, number> | null,
          feedback: review.feedback,
        },
        submission: await presentSubmission(ctx, access),
      },
      200,
    );
  });
  app.openapi(completePeerRoute, async (c) => {
    const saved = await completePeerReview(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ completedAt: saved.completedAt!.toISOString() }, 200);
  });
}
