import { listReviewsOf, type ReviewRow } from '../../db/repositories/reviews.ts';
import {
  findAccountName,
  listSubmissionFiles,
  type SubmissionFileRow,
} from '../../db/repositories/submissions.ts';
import { aggregatePeerScores, type PeerScore } from '../../domain/projects/peer-score.ts';
import type { RubricCriterion } from '../../domain/projects/rubric.ts';
import type { ServiceContext } from '../context.ts';
import type { SubmissionAccess, SubmissionAudience } from './access.ts';
import { criteriaOf } from './rubrics.ts';
import type { SimilarityFlag } from './submit.ts';

export type FileView = { id: string; name: string; mediaType: string; size: number; url: string };

export type ReviewView = {
  levels: Record<string, number> | null;
  feedback: string | null;
  completedAt: string | null;
};

/**
 * A submission as one audience may see it. Peers get the work without its author; learners get
 * peer reviews without their reviewers; only assessors see the author, reviewers and similarity.
 */
export type SubmissionView = {
  id: string;
  assessmentId: string;
  assessmentTitle: string;
  assessmentKind: string;
  version: number;
  status?: string;
  text: string;
  links: string[];
  files: FileView[];
  submittedAt: string;
  shareAsEvidence?: boolean;
  learner?: { id: string; displayName: string };
  decision?: {
    decision: string | null;
    levels: Record<string, number> | null;
    feedback: string | null;
    decidedAt: string | null;
  };
  peerReviews?: Array<ReviewView & { reviewer?: string }>;
  peerScore?: PeerScore | null;
  similarity?: SimilarityFlag[];
  rubric: { id: string; title: string; criteria: RubricCriterion[] };
};

export function fileUrl(submissionId: string, fileId: string): string {
  return `/api/v1/submissions/${submissionId}/files/${fileId}`;
}

function presentFile(file: SubmissionFileRow): FileView {
  return {
    id: file.id,
    name: file.fileName,
    mediaType: file.mediaType,
    size: file.size,
    url: fileUrl(file.submissionId, file.id),
  };
}

/** Peer reviews combined: median per criterion, weighted by reviewer agreement. */
export function peerScoreOf(criteria: RubricCriterion[], reviews: ReviewRow[]): PeerScore | null {
  const done = reviews.filter((r) => r.role === 'peer' && r.completedAt && r.levels);
  return (
    aggregatePeerScores(
      criteria.map((c) => ({
        id: c.id,
        minLevel: Math.min(...c.levels.map((l) => l.value)),
        topLevel: Math.max(...c.levels.map((l) => l.value)),
      })),
      done.map((r, index) => ({
        reviewerKey: `reviewer-${index + 1}`,
        levels: r.levels as Record<string, number>,
      })),
    ) ?? null
  );
}

export async function presentSubmission(
  ctx: ServiceContext,
  access: SubmissionAccess,
): Promise<SubmissionView> {
  const { submission, assessment, audience } = access;
  const criteria = criteriaOf(assessment.rubric);
  const files = await listSubmissionFiles(ctx.db, [submission.id]);
  const base: SubmissionView = {
    id: submission.id,
    assessmentId: assessment.row.id,
    assessmentTitle: assessment.row.title,
    assessmentKind: assessment.kind,
    version: submission.version,
    text: submission.text,
    links: submission.links,
    files: files.map(presentFile),
    submittedAt: submission.submittedAt.toISOString(),
    rubric: { id: assessment.rubric.id, title: assessment.rubric.title, criteria },
  };
  if (audience === 'peer') return base;
  const reviews = await listReviewsOf(ctx.db, [submission.id]);
  return { ...base, ...(await detailsFor(ctx, audience, access, reviews, criteria)) };
}

async function detailsFor(
  ctx: ServiceContext,
  audience: Exclude<SubmissionAudience, 'peer'>,
  { submission }: SubmissionAccess,
  reviews: ReviewRow[],
  criteria: RubricCriterion[],
): Promise<Partial<SubmissionView>> {
  const assessorReview = reviews.find((r) => r.role === 'assessor' && r.completedAt);
  const peers = reviews.filter((r) => r.role === 'peer' && r.completedAt);
  const common = {
    status: submission.status,
    shareAsEvidence: submission.shareAsEvidence,
    decision: assessorReview
      ? {
          decision: assessorReview.decision,
          levels: assessorReview.levels as Record<string, number> | null,
          feedback: assessorReview.feedback,
          decidedAt: assessorReview.completedAt?.toISOString() ?? null,
        }
      : undefined,
    peerScore: peerScoreOf(criteria, reviews),
  };
  const reviewView = (r: ReviewRow): ReviewView => ({
    levels: r.levels as Record<string, number> | null,
    feedback: r.feedback,
    completedAt: r.completedAt?.toISOString() ?? null,
  });
  if (audience === 'learner') return { ...common, peerReviews: peers.map(reviewView) };
  return {
    ...common,
    learner: {
      id: submission.learnerId,
      displayName: (await findAccountName(ctx.db, submission.learnerId)) ?? '',
    },
    peerReviews: peers.map((r) => ({ ...reviewView(r), reviewer: r.reviewerId })),
    similarity: submission.similarity as SimilarityFlag[],
  };
}
