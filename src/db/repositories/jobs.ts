import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobs } from '../schema.ts';

export type JobRow = typeof jobs.$inferSelect;

/**
 * Plans a job unless one with the same dedupe key exists (whatever its state), so planning is
 * idempotent: a reminder is never planned twice. Returns whether a new job was planned.
 */
export async function insertJobOnce(
  db: Db,
  row: Pick<typeof jobs.$inferInsert, 'id' | 'kind' | 'payload' | 'dedupeKey' | 'runAt'>,
): Promise<boolean> {
  const inserted = await db
    .insert(jobs)
    .values(row)
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return inserted.length > 0;
}

/** Plans many jobs in multi-row inserts; keys already planned are skipped, as one by one. */
export async function insertJobsOnce(
  db: Db,
  rows: Array<Pick<typeof jobs.$inferInsert, 'id' | 'kind' | 'payload' | 'dedupeKey' | 'runAt'>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insert(jobs)
      .values(rows.slice(i, i + 2000))
      .onConflictDoNothing({ target: jobs.dedupeKey });
}

/**
 * Claims due jobs in one statement: pending, due, and not leased (or whose lease ran out, i.e.
 * the worker that held it died), with `skip locked` so app servers never claim the same job.
 * The lease is the claim; no lock is held while the job runs.
 */
export async function claimDueJobs(
  db: Db,
  now: Date,
  limit: number,
  leaseUntil: Date,
): Promise<JobRow[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.status, 'pending'),
        lte(jobs.runAt, now),
        or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now)),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({ lockedUntil: leaseUntil, attempts: sql`${jobs.attempts} + 1` })
    .where(inArray(jobs.id, due))
    .returning();
}

/**
 * Locks one job row for the transaction that performs its effect, returning it only while it is
 * still pending: a second worker that re-claimed it after a lease ran out waits here, then finds
 * it done and does nothing, so the effect happens once.
 */
export async function lockPendingJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.status, 'pending')))
    .for('update');
  return row;
}

export async function markJobDone(db: Db, id: string, finishedAt: Date) {
  await db
    .update(jobs)
    .set({ status: 'done', finishedAt, lockedUntil: null, lastError: null })
    .where(eq(jobs.id, id));
}

/** Releases a failed job for a later try. */
export async function markJobRetry(
  db: Db,
  id: string,
  changes: { runAt: Date; lastError: string },
) {
  await db
    .update(jobs)
    .set({ ...changes, lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'pending')));
}

/** Keeps a long-running job's claim (a resumable job's heartbeat). */
export async function extendJobLease(db: Db, id: string, lockedUntil: Date) {
  await db
    .update(jobs)
    .set({ lockedUntil })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'pending')));
}

/** Gives a claimed job back unrun, for another worker to claim at once. */
export async function releaseJob(db: Db, id: string) {
  await db
    .update(jobs)
    .set({ lockedUntil: null, attempts: sql`${jobs.attempts} - 1` })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'pending')));
}

export async function listJobsByDedupePrefix(db: Db, prefix: string): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(sql`${jobs.dedupeKey} like ${`${prefix.replace(/[\\%_]/g, '\\$&')}%`}`)
    .orderBy(asc(jobs.runAt));
}
