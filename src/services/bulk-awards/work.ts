/**
 * Bulk awards run on the durable job runner (`services/jobs`): starting a list (or retrying its
 * failed rows) plans a few job entries ("shares") of a resumable kind. Each app server's runner
 * claims at most one share per round, so the shares spread over the servers, and every share
 * works the same rows table with `skip locked`: they split the rows, never issue one twice.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { type ResumableJobHandler, scheduleJob } from '../jobs/runner.ts';
import { runBulkAwards } from './run.ts';
import type { Signer } from './signer.ts';

export const BULK_AWARD_JOB = 'bulk-award';
/** Enough for a few app servers to share one list; an idle share finishes at once. */
const shares = 4;

/** Plans the work of a just-started job; call it in the transaction that starts it. */
export async function scheduleBulkAwardWork(db: Db, jobId: string, now: Date) {
  const round = randomUUID();
  for (let share = 0; share < shares; share++)
    await scheduleJob(db, {
      kind: BULK_AWARD_JOB,
      payload: { jobId },
      runAt: now,
      dedupeKey: `${BULK_AWARD_JOB}:${jobId}:${round}:${share}`,
    });
}

/** The job runner's handler for bulk awards, signing with `sign` (the app's signing pool). */
export function bulkAwardJobHandlers(sign: Signer): Record<string, ResumableJobHandler> {
  return {
    [BULK_AWARD_JOB]: {
      resumable: true,
      run: async (ctx: ServiceContext, payload, heartbeat) => {
        await runBulkAwards(ctx, { jobId: String(payload.jobId), sign, onBatch: heartbeat });
      },
    },
  };
}
