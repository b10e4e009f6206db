/**
 * The bulk-award worker (issue 9 item 2). A batch goes through three steps:
 *
 * 1. **Claim** (transaction 1): pending rows whose lease is free are claimed with `skip locked`
 *    and a lease; rows without a status slot get one, allocated for the whole batch at once
 *    and written on the row, so a row keeps its slot however often it is retried.
 * 2. **Sign**, outside any transaction (through the signing pool when one is given): the
 *    credential id comes from the row, so every signing of a row describes the same credential.
 * 3. **Store** (transaction 2): the rows are locked again and only those still pending with
 *    the slot this worker signed under are stored (multi-row inserts, with every guarantee of
 *    `recordIssuances`) and marked issued in the same transaction.
 *
 * Killing the process anywhere leaves each row either pending (claimed or not: its lease runs
 * out and another run signs it again) or issued together with its credential: never both, never
 * neither, never twice. Two workers that sign the same row (a lease ran out) serialize on the
 * row lock in step 3, and the second finds it issued.
 */
import {
  type BulkAwardRowRow,
  claimPendingRows,
  completeJobIfDone,
  findBulkAwardJob,
  listRunningJobIds,
  lockPendingRows,
  markRowFailed,
  markRowsIssued,
  setRowSlots,
} from '../../db/repositories/bulk-awards.ts';
import type { BulkAwardRow } from '../../domain/bulk-awards/rows.ts';
import type { ServiceContext } from '../context.ts';
import { type IssuanceRecord, recordIssuances } from '../credentials/record-issuance.ts';
import { allocateStatusSlots } from '../credentials/status-lists.ts';
import { ensureActiveKey, signingKeyOf } from '../issuers/issuer-keys.ts';
import { evaluatePathwaysOfRecipient } from '../pathways/progress.ts';
import {
  achievementOf,
  type JobContext,
  loadJobContext,
  type Signed,
  signRow,
} from './sign-row.ts';
import type { Signer } from './signer.ts';

export type BulkRunOptions = {
  /** Work on this job only (otherwise every running job, oldest first). */
  jobId?: string;
  /** Rows per committed batch. */
  batchSize?: number;
  /** How long claimed rows are reserved for this worker before another may take them. */
  leaseMs?: number;
  /** A row claimed this often without being stored (it keeps killing its worker) fails. */
  maxAttempts?: number;
  sign: Signer;
  /** Called after each committed batch (progress bars, job heartbeats). */
  onBatch?: (batch: { jobId: string; issued: number; failed: number }) => Promise<void> | void;
  /** Wait for rows leased by a dead worker until the job completes (the CLI, the tests). */
  untilComplete?: boolean;
};

export type BulkRunResult = { issued: number; failed: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function claimBatch(
  ctx: ServiceContext,
  job: JobContext,
  options: { limit: number; leaseMs: number },
): Promise<BulkAwardRowRow[]> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const rows = await claimPendingRows(tx, {
      jobId: job.jobId,
      now,
      limit: options.limit,
      leaseUntil: new Date(now.getTime() + options.leaseMs),
    });
    const unslotted = rows.filter((row) => row.statusListId === null);
    if (unslotted.length > 0) {
      const slots = await allocateStatusSlots(
        tx,
        job.organizationId,
        'revocation',
        unslotted.length,
        now,
      );
      const assigned = unslotted.map((row, i) => {
        row.statusListId = slots[i]!.listId;
        row.statusIndex = slots[i]!.index;
        return { rowNumber: row.rowNumber, listId: slots[i]!.listId, index: slots[i]!.index };
      });
      await setRowSlots(tx, job.jobId, assigned);
    }
    return rows.sort((a, b) => a.rowNumber - b.rowNumber);
  });
}

/** Stores the signed rows still pending under the slot they were signed with. */
async function storeBatch(ctx: ServiceContext, job: JobContext, signed: Signed[], now: Date) {
  return ctx.db.transaction(async (tx) => {
    const current = new Map(
      (
        await lockPendingRows(
          tx,
          job.jobId,
          signed.map((s) => s.row.rowNumber),
        )
      ).map((row) => [row.rowNumber, row]),
    );
    const mine = signed.filter((s) => {
      const row = current.get(s.row.rowNumber);
      return (
        row && row.statusListId === s.row.statusListId && row.statusIndex === s.row.statusIndex
      );
    });
    const records = mine.flatMap((s) => ('record' in s ? [s.record] : []));
    const learners = await recordIssuances(ctx, tx, job.createdBy, records, now);
    await markRowsIssued(
      tx,
      job.jobId,
      mine.flatMap((s) => ('record' in s ? [s.row.rowNumber] : [])),
      now,
    );
    for (const s of mine)
      if ('error' in s) await markRowFailed(tx, job.jobId, s.row.rowNumber, s.error);
    return { issued: records, failed: mine.length - records.length, learners };
  });
}

type Settings = Required<Pick<BulkRunOptions, 'batchSize' | 'leaseMs' | 'maxAttempts'>> & {
  sign: Signer;
};

type PreparedBatch = { rows: BulkAwardRowRow[]; now: Date; signing: Promise<Signed[]> };

/**
 * Claims a batch and reads what signing needs (the key, the achievements), then starts signing
 * it, which touches no database: the caller stores the previous batch meanwhile, so the
 * signing threads and the database work at the same time.
 */
async function prepareBatch(
  ctx: ServiceContext,
  job: JobContext,
  settings: Settings,
): Promise<PreparedBatch | undefined> {
  const rows = await claimBatch(ctx, job, { limit: settings.batchSize, leaseMs: settings.leaseMs });
  if (rows.length === 0) return undefined;
  const now = ctx.now();
  const keyRow = await ensureActiveKey(ctx, job.owner, 'Ed25519');
  const key = signingKeyOf(ctx, job.owner, keyRow);
  // Re-read per batch, so an achievement archived while the list runs stops being awarded.
  job.achievements.clear();
  for (const row of rows) {
    const id = (row.accepted as BulkAwardRow).achievementId ?? job.defaultAchievementId;
    if (id) await achievementOf(ctx, job, id);
  }
  const signing = Promise.all(
    rows.map((row) =>
      row.attempts > settings.maxAttempts
        ? ({ row, error: `Gave up after ${row.attempts - 1} interrupted attempts.` } as Signed)
        : signRow(ctx, job, row, key, settings.sign, now),
    ),
  );
  return { rows, now, signing };
}

async function finishBatch(
  ctx: ServiceContext,
  job: JobContext,
  batch: PreparedBatch,
): Promise<BulkRunResult> {
  const signed = await batch.signing;
  const now = batch.now;
  let stored: { issued: IssuanceRecord[]; failed: number; learners: string[] };
  try {
    stored = await storeBatch(ctx, job, signed, now);
  } catch (error) {
    // One bad row must not hold up the batch: store each on its own, failing only the bad one.
    ctx.logger.warn(
      { err: error, jobId: job.jobId },
      'bulk award batch failed; storing row by row',
    );
    stored = { issued: [], failed: 0, learners: [] };
    for (const one of signed) {
      try {
        const result = await storeBatch(ctx, job, [one], now);
        stored.issued.push(...result.issued);
        stored.failed += result.failed;
        stored.learners.push(...result.learners);
      } catch (rowError) {
        await markRowFailed(
          ctx.db,
          job.jobId,
          one.row.rowNumber,
          String((rowError as Error).message).slice(0, 500),
        );
        stored.failed += 1;
      }
    }
  }
  // Pathways (issue 6), as after a single award: a new credential may complete one of a
  // learner's (only recipients with an account have pathways to evaluate).
  for (const email of stored.learners) await evaluatePathwaysOfRecipient(ctx, email);
  return { issued: stored.issued.length, failed: stored.failed };
}

/**
 * Works bulk awards until no claimable row is left (with `untilComplete`, until the job is
 * completed, waiting out leases of workers that died). Safe to run in any number of processes
 * at once. Returns what this worker issued and failed.
 */
export async function runBulkAwards(
  ctx: ServiceContext,
  options: BulkRunOptions,
): Promise<BulkRunResult> {
  const settings = {
    batchSize: options.batchSize ?? 250,
    leaseMs: options.leaseMs ?? 120_000,
    maxAttempts: options.maxAttempts ?? 5,
    sign: options.sign,
  };
  const total: BulkRunResult = { issued: 0, failed: 0 };
  for (;;) {
    const jobIds = options.jobId ? [options.jobId] : await listRunningJobIds(ctx.db);
    for (const jobId of jobIds) {
      const job = await loadJobContext(ctx, jobId);
      if (!job) continue;
      let next = await prepareBatch(ctx, job, settings);
      while (next) {
        const current = next;
        // Wait for this batch's signatures, claim and start signing the next, then store this one.
        await current.signing;
        next = await prepareBatch(ctx, job, settings);
        const batch = await finishBatch(ctx, job, current);
        total.issued += batch.issued;
        total.failed += batch.failed;
        await options.onBatch?.({ jobId, issued: batch.issued, failed: batch.failed });
      }
      await completeJobIfDone(ctx.db, jobId, ctx.now());
    }
    if (!options.untilComplete || !options.jobId) return total;
    const job = await findBulkAwardJob(ctx.db, options.jobId);
    if (job?.status !== 'running') return total;
    await sleep(Math.min(1000, settings.leaseMs / 4));
  }
}
