import { findReviewBy } from '../../db/repositories/reviews.ts';
import { findSubmission, type SubmissionRow } from '../../db/repositories/submissions.ts';
import { NotAuthenticatedError, NotFoundError } from '../../domain/errors.ts';
import { type Actor, can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { type ProjectAssessment, requireProjectAssessment } from './assessments.ts';

/** How a person sees a submission: its author, an assessor of its organization, or an assigned peer. */
export type SubmissionAudience = 'learner' | 'assessor' | 'peer';

export type SubmissionAccess = {
  submission: SubmissionRow;
  assessment: ProjectAssessment;
  audience: SubmissionAudience;
};

/**
 * Loads a submission for `actor`, or answers 404 as if it did not exist: its author, assessors
 * of the issuing organization (`submission:review`) and its assigned peer reviewers may read
 * it; nobody else learns that it exists.
 */
export async function accessSubmission(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<SubmissionAccess> {
  if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
  const submission = /^[0-9a-f-]{36}$/.test(id) ? await findSubmission(ctx.db, id) : undefined;
  const notFound = new NotFoundError('There is no submission with this id that you may see.');
  if (!submission) throw notFound;
  const assessment = await requireProjectAssessment(ctx, submission.assessmentId);
  const audience = await audienceOf(ctx, actor, submission, assessment);
  if (!audience) throw notFound;
  return { submission, assessment, audience };
}

async function audienceOf(
  ctx: ServiceContext,
  actor: Actor,
  submission: SubmissionRow,
  assessment: ProjectAssessment,
): Promise<SubmissionAudience | undefined> {
  if (actor.kind === 'account' && actor.accountId === submission.learnerId) return 'learner';
  if (can(actor, { action: 'submission:review', organizationId: assessment.row.organizationId }))
    return 'assessor';
  if (actor.kind === 'account') {
    const review = await findReviewBy(ctx.db, submission.id, actor.accountId);
    if (review?.role === 'peer') return 'peer';
  }
  return undefined;
}
