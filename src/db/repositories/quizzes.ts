import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accountEmails, accounts, quizAttempts, quizItems } from '../schema.ts';

export type QuizItemRow = typeof quizItems.$inferSelect;
export type QuizAttemptRow = typeof quizAttempts.$inferSelect;

export async function insertQuizItem(
  db: Db,
  row: typeof quizItems.$inferInsert,
): Promise<QuizItemRow> {
  const [inserted] = await db.insert(quizItems).values(row).returning();
  return inserted!;
}

export async function listQuizItems(db: Db, assessmentId: string): Promise<QuizItemRow[]> {
  return db
    .select()
    .from(quizItems)
    .where(eq(quizItems.assessmentId, assessmentId))
    .orderBy(asc(quizItems.prompt));
}

export async function updateQuizItem(
  db: Db,
  assessmentId: string,
  id: string,
  changes: Partial<typeof quizItems.$inferInsert>,
): Promise<QuizItemRow | undefined> {
  const [row] = await db
    .update(quizItems)
    .set(changes)
    .where(and(eq(quizItems.id, id), eq(quizItems.assessmentId, assessmentId)))
    .returning();
  return row;
}

export async function deleteQuizItem(db: Db, assessmentId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(quizItems)
    .where(and(eq(quizItems.id, id), eq(quizItems.assessmentId, assessmentId)))
    .returning({ id: quizItems.id });
  return deleted.length > 0;
}

export async function insertQuizAttempt(
  db: Db,
  row: typeof quizAttempts.$inferInsert,
): Promise<QuizAttemptRow> {
  const [inserted] = await db.insert(quizAttempts).values(row).returning();
  return inserted!;
}

export async function findQuizAttempt(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<QuizAttemptRow | undefined> {
  const query = db.select().from(quizAttempts).where(eq(quizAttempts.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** A learner's attempts at one quiz, oldest first. */
export async function listLearnerAttempts(
  db: Db,
  assessmentId: string,
  learnerId: string,
): Promise<QuizAttemptRow[]> {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.assessmentId, assessmentId), eq(quizAttempts.learnerId, learnerId)))
    .orderBy(asc(quizAttempts.attemptNumber));
}

export async function updateQuizAttempt(
  db: Db,
  id: string,
  changes: Partial<Pick<QuizAttemptRow, 'submittedAt' | 'answers' | 'score' | 'subScores'>>,
): Promise<QuizAttemptRow> {
  const [row] = await db
    .update(quizAttempts)
    .set(changes)
    .where(eq(quizAttempts.id, id))
    .returning();
  return row!;
}

/** Appends one event to the attempt's log (for the issuer), in place. */
export async function appendAttemptLog(db: Db, id: string, entry: Record<string, unknown>) {
  await db
    .update(quizAttempts)
    .set({ log: sql`${quizAttempts.log} || ${JSON.stringify([entry])}::jsonb` })
    .where(eq(quizAttempts.id, id));
}

/** Every attempt at a quiz with who made it, for the issuer's attempt log (one query). */
export async function listAttemptsOfAssessment(db: Db, assessmentId: string, limit = 1000) {
  return db
    .select({
      attempt: quizAttempts,
      learnerName: accounts.displayName,
      learnerEmail: accountEmails.email,
    })
    .from(quizAttempts)
    .innerJoin(accounts, eq(accounts.id, quizAttempts.learnerId))
    .leftJoin(
      accountEmails,
      and(eq(accountEmails.accountId, accounts.id), eq(accountEmails.isPrimary, true)),
    )
    .where(eq(quizAttempts.assessmentId, assessmentId))
    .orderBy(asc(quizAttempts.startedAt))
    .limit(limit);
}
