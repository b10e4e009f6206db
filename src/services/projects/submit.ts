import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import {
  countPeerLoads,
  deletePendingPeerReviews,
  insertReviews,
  listReviewsOf,
} from '../../db/repositories/reviews.ts';
import {
  insertSubmission,
  insertSubmissionFiles,
  listLatestSubmissionsOfOthers,
  listLearnerSubmissions,
  listSubmissionFiles,
  type SubmissionRow,
  updateSubmission,
} from '../../db/repositories/submissions.ts';
import {
  ConflictError,
  ForbiddenError,
  NotAuthenticatedError,
  ValidationError,
} from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import type { SubmissionInput } from '../../domain/projects/assessment.ts';
import {
  choosePeerReviewers,
  submissionsForNewPeer,
} from '../../domain/projects/peer-assignment.ts';
import { compareTexts } from '../../domain/projects/similarity.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { type FileStorage, newStorageKey } from '../storage/storage.ts';
import { type ProjectAssessment, requireProjectAssessment } from './assessments.ts';
import { checkUploads, type UploadedFile } from './uploads.ts';

/** One flagged pair as stored in `submissions.similarity` (for assessors only). */
export type SimilarityFlag = {
  submissionId: string;
  jaccard: number;
  containment: number;
  passages: Array<{ text: string; otherText: string }>;
};

/**
 * A learner hands in work (a first version, or a new one after a resubmission request):
 * files are checked by their bytes and stored under generated keys, the text is compared with
 * other learners' work, and for peer-reviewed tasks peers are assigned both ways.
 */
export async function submitProject(
  ctx: ServiceContext,
  storage: FileStorage,
  actor: Actor,
  assessmentId: string,
  input: SubmissionInput,
  files: readonly UploadedFile[],
): Promise<SubmissionRow> {
  if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
  if (actor.kind !== 'account')
    throw new ForbiddenError('Learners submit their own work, signed in; API tokens cannot.');
  const assessment = await requireProjectAssessment(ctx, assessmentId);
  if (assessment.row.archivedAt) throw new ConflictError('This assessment is closed.');
  if (input.links.length > assessment.settings.maxLinks)
    throw new ValidationError(`Give at most ${assessment.settings.maxLinks} links.`, [
      { field: 'links', message: `must be at most ${assessment.settings.maxLinks} links` },
    ]);
  const checked = await checkUploads(files, assessment.settings);
  if (input.text.trim() === '' && input.links.length === 0 && checked.length === 0)
    throw new ValidationError('Submit some work: text, a link or a file.', [
      { field: 'text', message: 'is required when there are no links or files' },
    ]);
  const previous = await listLearnerSubmissions(ctx.db, assessment.row.id, actor.accountId);
  const latest = previous[0];
  if (latest?.status === 'submitted')
    throw new ConflictError(
      'Your work is awaiting review; you can submit again if a resubmission is requested.',
    );
  if (latest?.status === 'accepted')
    throw new ConflictError('Your work for this assessment was accepted already.');

  const stored = checked.map((file) => ({ ...file, key: newStorageKey() }));
  for (const file of stored) await storage.put(file.key, file.bytes);
  try {
    return await ctx.db.transaction(async (tx) => {
      const submission = await insertSubmission(tx, {
        id: randomUUID(),
        assessmentId: assessment.row.id,
        learnerId: actor.accountId,
        version: (latest?.version ?? 0) + 1,
        text: input.text,
        links: input.links,
        status: 'submitted',
        shareAsEvidence: input.shareAsEvidence,
        submittedAt: ctx.now(),
      });
      await insertSubmissionFiles(
        tx,
        stored.map((file) => ({
          id: randomUUID(),
          submissionId: submission.id,
          storageKey: file.key,
          fileName: file.fileName,
          mediaType: file.mediaType,
          size: file.bytes.length,
        })),
      );
      const flagged = await flagSimilarWork(
        tx,
        storage,
        assessment,
        submission,
        comparableText(input.text, checked),
      );
      if (assessment.kind === 'peer-review') {
        await deletePendingPeerReviews(
          tx,
          previous.map((p) => p.id),
        );
        await assignPeers(ctx, tx, assessment, submission);
      }
      await recordAudit(tx, actor, 'submission.created', {
        organizationId: assessment.row.organizationId,
        target: submission.id,
        detail: { version: submission.version, files: stored.length },
      });
      return flagged;
    });
  } catch (error) {
    for (const file of stored) await storage.delete(file.key).catch(() => {});
    throw error;
  }
}

/** The submission's text plus its plain-text files: what a copied passage would hide in. */
function comparableText(
  text: string,
  files: ReadonlyArray<{ mediaType: string; bytes: Uint8Array }>,
) {
  const decoder = new TextDecoder();
  return [
    text,
    ...files.filter((f) => f.mediaType === 'text/plain').map((f) => decoder.decode(f.bytes)),
  ]
    .join('\n\n')
    .trim();
}

/** Compares with every other learner's latest version; flags are stored on both sides. */
async function flagSimilarWork(
  db: Db,
  storage: FileStorage,
  assessment: ProjectAssessment,
  submission: SubmissionRow,
  text: string,
): Promise<SubmissionRow> {
  if (text === '') return submission;
  const others = await listLatestSubmissionsOfOthers(db, assessment.row.id, submission.learnerId);
  const textFiles = (
    await listSubmissionFiles(
      db,
      others.map((o) => o.id),
    )
  ).filter((f) => f.mediaType === 'text/plain');
  const flags: SimilarityFlag[] = [];
  for (const other of others) {
    const files = await Promise.all(
      textFiles
        .filter((f) => f.submissionId === other.id)
        .map(async (f) => ({
          mediaType: f.mediaType,
          bytes: (await storage.get(f.storageKey)) ?? new Uint8Array(),
        })),
    );
    const match = compareTexts(text, comparableText(other.text, files));
    if (match.containment < assessment.settings.similarityThreshold || match.passages.length === 0)
      continue;
    flags.push({ submissionId: other.id, ...match });
    const mirrored: SimilarityFlag = {
      submissionId: submission.id,
      jaccard: match.jaccard,
      containment: match.containment,
      passages: match.passages.map((p) => ({ text: p.otherText, otherText: p.text })),
    };
    await updateSubmission(db, other.id, {
      similarity: [...((other.similarity as SimilarityFlag[]) ?? []), mirrored],
    });
  }
  if (flags.length === 0) return submission;
  return updateSubmission(db, submission.id, { similarity: flags });
}

/**
 * Peer review: the new submission gets up to N peers among those who submitted, and the new
 * learner becomes a reviewer of earlier submissions still short of N peers.
 */
async function assignPeers(
  ctx: ServiceContext,
  db: Db,
  assessment: ProjectAssessment,
  submission: SubmissionRow,
): Promise<void> {
  const count = assessment.settings.peers;
  const others = await listLatestSubmissionsOfOthers(db, assessment.row.id, submission.learnerId);
  const loads = await countPeerLoads(db, assessment.row.id);
  const now = ctx.now();
  const reviewers = choosePeerReviewers({
    authorId: submission.learnerId,
    candidates: others.map((o) => ({ learnerId: o.learnerId, load: loads.get(o.learnerId) ?? 0 })),
    alreadyAssigned: new Set(),
    count,
    tieBreak: (learnerId) =>
      createHash('sha256').update(`${submission.id}:${learnerId}`).digest('hex'),
  });
  const existing = await listReviewsOf(
    db,
    others.map((o) => o.id),
  );
  const open = others
    .filter((o) => o.status === 'submitted')
    .map((o) => ({
      submissionId: o.id,
      authorId: o.learnerId,
      reviewerIds: existing
        .filter((r) => r.submissionId === o.id && r.role === 'peer')
        .map((r) => r.reviewerId),
      submittedAt: o.submittedAt,
    }));
  const toReview = submissionsForNewPeer(submission.learnerId, open, count);
  await insertReviews(db, [
    ...reviewers.map((reviewerId) => ({
      id: randomUUID(),
      submissionId: submission.id,
      reviewerId,
      role: 'peer',
      assignedAt: now,
    })),
    ...toReview.map((submissionId) => ({
      id: randomUUID(),
      submissionId,
      reviewerId: submission.learnerId,
      role: 'peer',
      assignedAt: now,
    })),
  ]);
}

/** The signed-in learner's versions for one assessment, newest first. */
export async function learnerSubmissions(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
): Promise<SubmissionRow[]> {
  if (actor.kind !== 'account') return [];
  return listLearnerSubmissions(ctx.db, assessmentId, actor.accountId);
}
