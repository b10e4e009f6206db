import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accounts, assessments, submissionFiles, submissions } from '../schema.ts';

export type SubmissionRow = typeof submissions.$inferSelect;
export type SubmissionFileRow = typeof submissionFiles.$inferSelect;

export async function insertSubmission(
  db: Db,
  row: typeof submissions.$inferInsert,
): Promise<SubmissionRow> {
  const [inserted] = await db.insert(submissions).values(row).returning();
  return inserted!;
}

export async function insertSubmissionFiles(
  db: Db,
  rows: Array<typeof submissionFiles.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await db.insert(submissionFiles).values(rows);
}

export async function findSubmission(db: Db, id: string): Promise<SubmissionRow | undefined> {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
  return row;
}

export async function updateSubmission(
  db: Db,
  id: string,
  changes: Partial<Pick<SubmissionRow, 'status' | 'similarity'>>,
): Promise<SubmissionRow> {
  const [row] = await db.update(submissions).set(changes).where(eq(submissions.id, id)).returning();
  return row!;
}

/** A learner's versions for one assessment, newest first. */
export async function listLearnerSubmissions(
  db: Db,
  assessmentId: string,
  learnerId: string,
): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(submissions)
    .where(and(eq(submissions.assessmentId, assessmentId), eq(submissions.learnerId, learnerId)))
    .orderBy(desc(submissions.version));
}

/** Every learner's latest version in an assessment, except `learnerId`'s. */
export async function listLatestSubmissionsOfOthers(
  db: Db,
  assessmentId: string,
  learnerId: string,
): Promise<SubmissionRow[]> {
  const rows = await db
    .selectDistinctOn([submissions.learnerId])
    .from(submissions)
    .where(and(eq(submissions.assessmentId, assessmentId), ne(submissions.learnerId, learnerId)))
    .orderBy(submissions.learnerId, desc(submissions.version));
  return rows.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

export async function listSubmissionFiles(
  db: Db,
  submissionIds: string[],
): Promise<SubmissionFileRow[]> {
  if (submissionIds.length === 0) return [];
  return db
    .select()
    .from(submissionFiles)
    .where(inArray(submissionFiles.submissionId, submissionIds))
    .orderBy(asc(submissionFiles.fileName));
}

export async function findSubmissionFile(
  db: Db,
  submissionId: string,
  fileId: string,
): Promise<SubmissionFileRow | undefined> {
  const [row] = await db
    .select()
    .from(submissionFiles)
    .where(and(eq(submissionFiles.submissionId, submissionId), eq(submissionFiles.id, fileId)));
  return row;
}

export type QueueRow = {
  submission: SubmissionRow;
  assessment: typeof assessments.$inferSelect;
  learnerName: string;
};

/** Submissions of an organization's assessments that wait for an assessor, oldest first. */
export async function listAwaitingReview(db: Db, organizationId: string): Promise<QueueRow[]> {
  const rows = await db
    .select({ submission: submissions, assessment: assessments, learnerName: accounts.displayName })
    .from(submissions)
    .innerJoin(assessments, eq(assessments.id, submissions.assessmentId))
    .innerJoin(accounts, eq(accounts.id, submissions.learnerId))
    .where(and(eq(assessments.organizationId, organizationId), eq(submissions.status, 'submitted')))
    .orderBy(asc(submissions.submittedAt));
  return rows;
}

export async function findAccountName(db: Db, accountId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ displayName: accounts.displayName })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row?.displayName;
}
