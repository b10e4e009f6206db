import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessments, reviews, submissions } from '../schema.ts';

export type ReviewRow = typeof reviews.$inferSelect;

export async function insertReviews(
  db: Db,
  rows: Array<typeof reviews.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await db.insert(reviews).values(rows).onConflictDoNothing();
}

export async function findReview(db: Db, id: string): Promise<ReviewRow | undefined> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id));
  return row;
}

export async function findReviewBy(
  db: Db,
  submissionId: string,
  reviewerId: string,
): Promise<ReviewRow | undefined> {
  const [row] = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.submissionId, submissionId), eq(reviews.reviewerId, reviewerId)));
  return row;
}

/** Inserts or replaces a reviewer's review of a submission (one per reviewer and submission). */
export async function saveReview(db: Db, row: typeof reviews.$inferInsert): Promise<ReviewRow> {
  const [saved] = await db
    .insert(reviews)
    .values(row)
    .onConflictDoUpdate({
      target: [reviews.submissionId, reviews.reviewerId],
      set: {
        role: row.role,
        levels: row.levels,
        feedback: row.feedback,
        decision: row.decision,
        completedAt: row.completedAt,
      },
    })
    .returning();
  return saved!;
}

export async function listReviewsOf(db: Db, submissionIds: string[]): Promise<ReviewRow[]> {
  if (submissionIds.length === 0) return [];
  return db
    .select()
    .from(reviews)
    .where(inArray(reviews.submissionId, submissionIds))
    .orderBy(asc(reviews.assignedAt), asc(reviews.id));
}

/** Peer reviews assigned per reviewer in an assessment (how loaded each peer is). */
export async function countPeerLoads(db: Db, assessmentId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ reviewerId: reviews.reviewerId, n: count() })
    .from(reviews)
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .where(and(eq(submissions.assessmentId, assessmentId), eq(reviews.role, 'peer')))
    .groupBy(reviews.reviewerId);
  return new Map(rows.map((row) => [row.reviewerId, Number(row.n)]));
}

/** Drops unfinished peer reviews of superseded versions (a resubmission is reviewed afresh). */
export async function deletePendingPeerReviews(db: Db, submissionIds: string[]): Promise<void> {
  if (submissionIds.length === 0) return;
  await db
    .delete(reviews)
    .where(
      and(
        inArray(reviews.submissionId, submissionIds),
        eq(reviews.role, 'peer'),
        isNull(reviews.completedAt),
      ),
    );
}

/** A person's peer-review tasks, with the assessment title; never the author. */
export async function listPeerTasks(db: Db, reviewerId: string) {
  return db
    .select({
      review: reviews,
      assessmentId: assessments.id,
      assessmentTitle: assessments.title,
      submissionStatus: submissions.status,
    })
    .from(reviews)
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .innerJoin(assessments, eq(assessments.id, submissions.assessmentId))
    .where(and(eq(reviews.reviewerId, reviewerId), eq(reviews.role, 'peer')))
    .orderBy(asc(reviews.assignedAt));
}
