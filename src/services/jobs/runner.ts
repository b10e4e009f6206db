/**
 * Durable scheduled work (issue 6 item 4). Jobs live in the `jobs` table, so they survive
 * restarts; each app server runs a runner that claims due jobs with a lease (`skip locked`), the
 * same pattern as the notification outbox. It works alike on the embedded PGlite (one process)
 * and on PostgreSQL with several app servers.
 *
 * - A job whose `runAt` passed while no runner was up runs at the next tick: never skipped.
 * - A job's effect and its "done" mark commit in one transaction, after re-locking the row and
 *   checking it is still pending, so a job re-claimed after its lease ran out (a slow or crashed
 *   worker) never has its effect twice.
 * - A failing job is retried with exponential back-off, without limit.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import {
  claimDueJobs,
  extendJobLease,
  insertJobOnce,
  insertJobsOnce,
  type JobRow,
  lockPendingJob,
  markJobDone,
  markJobRetry,
  releaseJob,
} from '../../db/repositories/jobs.ts';
import type { ServiceContext } from '../context.ts';
import { retryDelayMs } from '../notifications/outbox.ts';

export type NewJob = {
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  /** Unique for all time: scheduling the same key again does nothing. */
  dedupeKey: string;
};

/**
 * Plans a job (INSERT … ON CONFLICT (dedupe_key) DO NOTHING); call it inside the transaction
 * that makes the job necessary. Returns whether it was newly planned.
 */
export async function scheduleJob(db: Db, job: NewJob): Promise<boolean> {
  return insertJobOnce(db, { id: randomUUID(), ...job });
}

/** Plans many jobs at once (multi-row inserts), with the same dedupe rule as {@link scheduleJob}. */
export async function scheduleJobs(db: Db, planned: readonly NewJob[]): Promise<void> {
  await insertJobsOnce(
    db,
    planned.map((job) => ({ id: randomUUID(), ...job })),
  );
}

/**
 * Performs one job. `ctx.db` is the transaction that also marks the job done: write the effect
 * (e.g. `enqueueNotification`) through it so both commit together.
 */
export type JobHandler = (
  ctx: ServiceContext,
  payload: Record<string, unknown>,
  job: JobRow,
) => Promise<void>;

/**
 * Long work that commits its own progress in batches (issue 9: a bulk award), run outside any
 * transaction: it must be resumable and idempotent, since after a crash it runs again from
 * wherever its committed progress says. `heartbeat` extends the job's lease while it runs.
 * Claimed one per runner round, so the job's other shares stay free for other app servers.
 */
export type ResumableJobHandler = {
  resumable: true;
  run(
    ctx: ServiceContext,
    payload: Record<string, unknown>,
    heartbeat: () => Promise<void>,
  ): Promise<void>;
};

function isResumable(handler: unknown): handler is ResumableJobHandler {
  return typeof handler === 'object' && handler !== null && 'resumable' in handler;
}

export type JobRunnerOptions = {
  intervalMs?: number;
  /** How long a claimed job is reserved for one worker before another may retry it. */
  leaseMs?: number;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
};

export type JobRunResult = { done: number; failed: number; skipped: number };

export type JobRunner = {
  /** Runs every due job once (in batches until none is due); safe to call concurrently. */
  runDue(): Promise<JobRunResult>;
  /** Runs due jobs every `intervalMs` until `stop`. */
  start(): void;
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
};

export function createJobRunner(
  ctx: ServiceContext,
  handlers: Record<string, JobHandler | ResumableJobHandler>,
  options: JobRunnerOptions = {},
): JobRunner {
  const intervalMs = options.intervalMs ?? 30_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 20;

  async function runOne(job: JobRow): Promise<'done' | 'failed' | 'skipped'> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      if (isResumable(handler)) {
        await handler.run(ctx, job.payload as Record<string, unknown>, () =>
          extendJobLease(ctx.db, job.id, new Date(ctx.now().getTime() + leaseMs)),
        );
        return await ctx.db.transaction(async (tx) => {
          if (!(await lockPendingJob(tx, job.id))) return 'skipped' as const;
          await markJobDone(tx, job.id, ctx.now());
          return 'done' as const;
        });
      }
      return await ctx.db.transaction(async (tx) => {
        const current = await lockPendingJob(tx, job.id);
        if (!current) return 'skipped' as const;
        await handler({ ...ctx, db: tx }, current.payload as Record<string, unknown>, current);
        await markJobDone(tx, job.id, ctx.now());
        return 'done' as const;
      });
    } catch (error) {
      const delay = retryDelayMs(job.attempts, options.baseDelayMs, options.maxDelayMs);
      await markJobRetry(ctx.db, job.id, {
        runAt: new Date(ctx.now().getTime() + delay),
        lastError: String((error as Error).message ?? error).slice(0, 500),
      });
      ctx.logger.warn(
        { jobId: job.id, kind: job.kind, attempts: job.attempts, err: error },
        'job failed; will retry',
      );
      return 'failed';
    }
  }

  async function runDue(): Promise<JobRunResult> {
    const result: JobRunResult = { done: 0, failed: 0, skipped: 0 };
    const seen = new Set<string>();
    for (;;) {
      const now = ctx.now();
      const claimed = (
        await claimDueJobs(ctx.db, now, batchSize, new Date(now.getTime() + leaseMs))
      ).filter((job) => !seen.has(job.id));
      if (claimed.length === 0) return result;
      // One resumable job per round; the rest go back at once for other app servers to share.
      const resumable = claimed.filter((job) => isResumable(handlers[job.kind]));
      for (const job of resumable.slice(1)) await releaseJob(ctx.db, job.id);
      for (const job of claimed.filter((job) => !resumable.slice(1).includes(job))) {
        seen.add(job.id);
        result[await runOne(job)] += 1;
      }
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  return {
    runDue,
    start() {
      if (timer) return;
      const tick = () => {
        if (running) return;
        running = runDue()
          .catch((error) => ctx.logger.error({ err: error }, 'job run failed'))
          .finally(() => {
            running = undefined;
          });
      };
      // After downtime, overdue jobs run at once rather than one interval later.
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
