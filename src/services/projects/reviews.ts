import { randomUUID } from 'node:crypto';
import {
  findReview,
  listPeerTasks,
  listReviewsOf,
  saveReview,
} from '../../db/repositories/reviews.ts';
import { listAwaitingReview, updateSubmission } from '../../db/repositories/submissions.ts';
import {
  ConflictError,
  ForbiddenError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import {
  checkRubricLevels,
  criterionScore,
  type RubricLevels,
} from '../../domain/projects/rubric.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recordEvidence } from '../learning/evidence.ts';
import { getOrganization } from '../organizations.ts';
import { accessSubmission, type SubmissionAccess } from './access.ts';
import { criteriaOf, requireRubric } from './rubrics.ts';
import type { SimilarityFlag } from './submit.ts';
import { peerScoreOf } from './views.ts';

export type AssessorDecision = {
  levels: RubricLevels;
  feedback: string;
  decision: 'accept' | 'resubmit';
};

function requireCompleteScoring(access: SubmissionAccess, levels: RubricLevels) {
  const problems = checkRubricLevels(criteriaOf(access.assessment.rubric), levels);
  if (problems.length > 0)
    throw new ValidationError(
      'Score every criterion of the rubric at one of its levels.',
      problems,
    );
}

/**
 * An assessor of the issuing organization scores the work against the rubric and accepts it or
 * asks for a new version. The assessor's decision is final over any peer score; on accept, each
 * criterion's level becomes evidence of its competency (score = level / top level).
 */
export async function decideSubmission(
  ctx: ServiceContext,
  actor: Actor,
  submissionId: string,
  input: AssessorDecision,
): Promise<SubmissionAccess> {
  const access = await accessSubmission(ctx, actor, submissionId);
  const { submission, assessment } = access;
  if (access.audience !== 'assessor') {
    // Authors and peers may read the submission but not decide on it.
    authorize(
      actor,
      { action: 'submission:review', organizationId: assessment.row.organizationId },
      'Only assessors of the issuing organization decide on submissions.',
    );
  }
  if (submission.status !== 'submitted')
    throw new ConflictError(`This submission was decided already (${submission.status}).`);
  requireCompleteScoring(access, input.levels);
  const reviewerId = reviewerAccountOf(actor);
  const now = ctx.now();
  const criteria = criteriaOf(assessment.rubric);
  return ctx.db.transaction(async (tx) => {
    await saveReview(tx, {
      id: randomUUID(),
      submissionId: submission.id,
      reviewerId,
      role: 'assessor',
      levels: input.levels,
      feedback: input.feedback,
      decision: input.decision,
      assignedAt: now,
      completedAt: now,
    });
    const status = input.decision === 'accept' ? 'accepted' : 'resubmission-requested';
    const updated = await updateSubmission(tx, submission.id, { status });
    if (input.decision === 'accept') {
      await recordEvidence(
        ctx,
        tx,
        criteria.map((criterion) => ({
          learnerId: submission.learnerId,
          competencyId: criterion.competencyId,
          assessmentId: assessment.row.id,
          sourceKind: 'submission' as const,
          sourceId: submission.id,
          score: criterionScore(criterion, input.levels[criterion.id]!),
          level: input.levels[criterion.id]!,
          observedAt: now,
        })),
      );
    }
    await recordAudit(tx, actor, `submission.${status}`, {
      organizationId: assessment.row.organizationId,
      target: submission.id,
    });
    return { ...access, submission: updated };
  });
}

/** Reviews are written by a person; an organization token acts for its role, not for a person. */
function reviewerAccountOf(actor: Actor): string {
  if (actor.kind === 'account') return actor.accountId;
  throw new ForbiddenError('Sign in as a person to review; reviews name their reviewer.');
}

export type QueueEntry = {
  submissionId: string;
  assessmentId: string;
  assessmentTitle: string;
  assessmentKind: string;
  learner: { id: string; displayName: string };
  version: number;
  submittedAt: string;
  peerReviews: { completed: number; assigned: number };
  peerScore: ReturnType<typeof peerScoreOf>;
  similarity: SimilarityFlag[];
};

/** What waits for the organization's assessors, oldest first, with similarity flags and peer scores. */
export async function reviewQueue(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<QueueEntry[]> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'submission:review', organizationId: organization.id },
    'Only assessors, issuers and owners of the organization see its review queue.',
  );
  const rows = await listAwaitingReview(ctx.db, organization.id);
  const reviews = await listReviewsOf(
    ctx.db,
    rows.map((row) => row.submission.id),
  );
  const rubrics = new Map<string, ReturnType<typeof criteriaOf>>();
  for (const rubricId of new Set(rows.map((row) => row.assessment.rubricId).filter(Boolean)))
    rubrics.set(rubricId!, criteriaOf(await requireRubric(ctx, rubricId!)));
  return rows.map(({ submission, assessment, learnerName }) => {
    const own = reviews.filter((r) => r.submissionId === submission.id && r.role === 'peer');
    return {
      submissionId: submission.id,
      assessmentId: assessment.id,
      assessmentTitle: assessment.title,
      assessmentKind: assessment.kind,
      learner: { id: submission.learnerId, displayName: learnerName },
      version: submission.version,
      submittedAt: submission.submittedAt.toISOString(),
      peerReviews: { completed: own.filter((r) => r.completedAt).length, assigned: own.length },
      peerScore: peerScoreOf(rubrics.get(assessment.rubricId ?? '') ?? [], own),
      similarity: submission.similarity as SimilarityFlag[],
    };
  });
}

export type PeerTask = {
  reviewId: string;
  submissionId: string;
  assessmentId: string;
  assessmentTitle: string;
  assignedAt: string;
  completedAt: string | null;
};

/** The peer reviews assigned to the signed-in learner (never naming the authors). */
export async function listMyPeerReviews(ctx: ServiceContext, actor: Actor): Promise<PeerTask[]> {
  if (actor.kind !== 'account') throw new NotAuthenticatedError();
  const rows = await listPeerTasks(ctx.db, actor.accountId);
  return rows.map((row) => ({
    reviewId: row.review.id,
    submissionId: row.review.submissionId,
    assessmentId: row.assessmentId,
    assessmentTitle: row.assessmentTitle,
    assignedAt: row.review.assignedAt.toISOString(),
    completedAt: row.review.completedAt?.toISOString() ?? null,
  }));
}

/** One of the signed-in learner's peer reviews with the submission it is about. */
export async function requirePeerTask(ctx: ServiceContext, actor: Actor, reviewId: string) {
  if (actor.kind !== 'account') throw new NotAuthenticatedError();
  const review = /^[0-9a-f-]{36}$/.test(reviewId) ? await findReview(ctx.db, reviewId) : undefined;
  if (review?.role !== 'peer' || review.reviewerId !== actor.accountId)
    throw new NotFoundError('There is no peer review with this id assigned to you.');
  const access = await accessSubmission(ctx, actor, review.submissionId);
  return { review, access };
}

/** A peer scores the work against the rubric; once, anonymously to its author. */
export async function completePeerReview(
  ctx: ServiceContext,
  actor: Actor,
  reviewId: string,
  input: { levels: RubricLevels; feedback: string },
) {
  const { review, access } = await requirePeerTask(ctx, actor, reviewId);
  if (review.completedAt) throw new ConflictError('You have completed this review already.');
  requireCompleteScoring(access, input.levels);
  return ctx.db.transaction(async (tx) => {
    const saved = await saveReview(tx, {
      ...review,
      levels: input.levels,
      feedback: input.feedback,
      completedAt: ctx.now(),
    });
    await recordAudit(tx, actor, 'peer-review.completed', {
      organizationId: access.assessment.row.organizationId,
      target: review.id,
    });
    return saved;
  });
}
