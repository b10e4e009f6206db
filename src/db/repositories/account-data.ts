/** What the platform holds about one learner, read for their export and erased with their account. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accounts, assessments, quizAttempts, submissionFiles, submissions } from '../schema.ts';

/** A learner's own submissions, every version (without the similarity notes about others' work). */
export async function listSubmissionsOfLearner(db: Db, learnerId: string) {
  return db
    .select({
      id: submissions.id,
      assessmentId: submissions.assessmentId,
      assessmentTitle: assessments.title,
      version: submissions.version,
      text: submissions.text,
      links: submissions.links,
      status: submissions.status,
      shareAsEvidence: submissions.shareAsEvidence,
      submittedAt: submissions.submittedAt,
    })
    .from(submissions)
    .innerJoin(assessments, eq(assessments.id, submissions.assessmentId))
    .where(eq(submissions.learnerId, learnerId))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
}

export async function listFilesOfSubmissions(db: Db, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select()
    .from(submissionFiles)
    .where(inArray(submissionFiles.submissionId, submissionIds))
    .orderBy(asc(submissionFiles.fileName));
}

/** Storage keys of every file the learner uploaded (to erase them with the account). */
export async function listUploadKeysOfLearner(db: Db, learnerId: string): Promise<string[]> {
  const rows = await db
    .select({ key: submissionFiles.storageKey })
    .from(submissionFiles)
    .innerJoin(submissions, eq(submissions.id, submissionFiles.submissionId))
    .where(eq(submissions.learnerId, learnerId));
  return rows.map((r) => r.key);
}

export async function listQuizAttemptsOfLearner(db: Db, learnerId: string) {
  return db
    .select({
      id: quizAttempts.id,
      assessmentId: quizAttempts.assessmentId,
      assessmentTitle: assessments.title,
      attemptNumber: quizAttempts.attemptNumber,
      form: quizAttempts.form,
      startedAt: quizAttempts.startedAt,
      deadlineAt: quizAttempts.deadlineAt,
      submittedAt: quizAttempts.submittedAt,
      answers: quizAttempts.answers,
      score: quizAttempts.score,
      subScores: quizAttempts.subScores,
      log: quizAttempts.log,
    })
    .from(quizAttempts)
    .innerJoin(assessments, eq(assessments.id, quizAttempts.assessmentId))
    .where(eq(quizAttempts.learnerId, learnerId))
    .orderBy(asc(quizAttempts.startedAt), asc(quizAttempts.id));
}

/** Deletes the account row; every table of personal data cascades from it. */
export async function deleteAccountRow(db: Db, accountId: string): Promise<void> {
  await db.delete(accounts).where(eq(accounts.id, accountId));
}
