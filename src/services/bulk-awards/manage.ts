/**
 * Bulk awards (issue 9 items 1–2): an award list is validated and stored as a job with one row
 * per learner (rejected rows kept with their reasons, for the report); starting it hands the
 * accepted rows to the workers (`run.ts`), which issue them in committed batches.
 */
import { randomUUID } from 'node:crypto';
import type { SignatureFormat } from '../../credentials/index.ts';
import { listActiveAchievements } from '../../db/repositories/achievements.ts';
import {
  type BulkAwardJobRow,
  countBulkAwardRows,
  findBulkAwardJob,
  insertBulkAwardJob,
  insertBulkAwardRows,
  listBulkAwardJobs,
  listBulkAwardRows,
  requeueFailedRows,
  startBulkAwardJob,
} from '../../db/repositories/bulk-awards.ts';
import { findOrganizationById } from '../../db/repositories/organizations.ts';
import { parseBulkCsv, type RejectedRow, rejectedRowsCsv } from '../../domain/bulk-awards/csv.ts';
import { type BulkAwardRowInput, validateBulkRows } from '../../domain/bulk-awards/rows.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize, can } from '../../domain/policy.ts';
import { describeActor, recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { scheduleBulkAwardWork } from './work.ts';

export type BulkAwardSource =
  | { csv: string; fileName?: string }
  | { rows: BulkAwardRowInput[]; fileName?: string };

export type CreateBulkAwardInput = BulkAwardSource & {
  /** The achievement of rows that name none. */
  achievementId?: string;
  format?: SignatureFormat;
  /** Start issuing at once when no row was rejected (the CLI and API default). */
  start?: boolean;
};

export type BulkAwardSummary = {
  id: string;
  organizationId: string;
  organizationSlug: string;
  achievementId: string | null;
  format: string;
  status: string;
  fileName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: {
    total: number;
    rejected: number;
    accepted: number;
    pending: number;
    issued: number;
    failed: number;
  };
};

const refusal = 'Only owners and issuers of the organization run bulk awards.';

/**
 * Validates an award list and stores it as a job in one transaction: nothing of it exists
 * unless all of it does. Returns the job with its counts; rejected rows are listed by
 * {@link getRejectedRows}. With `start`, a list without rejected rows starts at once.
 */
export async function createBulkAward(
  ctx: ServiceContext,
  actor: Actor,
  organizationSlug: string,
  input: CreateBulkAwardInput,
): Promise<BulkAwardSummary> {
  const organization = await getOrganization(ctx, organizationSlug);
  authorize(actor, { action: 'credential:bulk-award', organizationId: organization.id }, refusal);
  const achievements = new Set(
    (await listActiveAchievements(ctx.db, organization.id)).map((a) => a.id),
  );
  const defaultAchievementId = input.achievementId?.toLowerCase();
  if (defaultAchievementId && !achievements.has(defaultAchievementId))
    throw new ValidationError(
      `There is no active achievement ${input.achievementId} in ${organization.name}.`,
      [{ field: 'achievementId', message: 'must be an active achievement of this organization' }],
    );
  const rows = 'csv' in input ? parseBulkCsv(input.csv) : input.rows;
  if (rows.length === 0)
    throw new ValidationError('The list has no rows.', [{ field: 'rows', message: 'is empty' }]);
  const now = ctx.now();
  const verdicts = validateBulkRows(rows, {
    now,
    defaultAchievementId,
    knownAchievement: (id) => achievements.has(id),
    firstRowNumber: 'csv' in input ? 2 : 1,
  });
  const rejected = verdicts.filter((v) => 'reasons' in v).length;
  const jobId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertBulkAwardJob(tx, {
      id: jobId,
      organizationId: organization.id,
      achievementId: defaultAchievementId ?? null,
      format: input.format ?? 'eddsa-rdfc-2022',
      status: 'validated',
      createdBy: describeActor(actor),
      fileName: input.fileName?.slice(0, 200) ?? null,
      totalRows: verdicts.length,
      rejectedRows: rejected,
      createdAt: now,
    });
    await insertBulkAwardRows(
      tx,
      verdicts.map((verdict) => ({
        jobId,
        rowNumber: verdict.rowNumber,
        status: 'reasons' in verdict ? 'rejected' : 'valid',
        input: verdict.input,
        accepted: 'accepted' in verdict ? verdict.accepted : null,
        reasons: 'reasons' in verdict ? verdict.reasons : null,
        // The row's idempotency key: its credential has this id, whoever issues it, however often.
        credentialId: randomUUID(),
      })),
    );
    await recordAudit(tx, actor, 'bulk-award.created', {
      organizationId: organization.id,
      target: jobId,
      detail: { rows: verdicts.length, rejected },
    });
  });
  if (input.start && rejected === 0 && verdicts.length > 0)
    return startBulkAward(ctx, actor, jobId);
  return getBulkAward(ctx, actor, jobId);
}

/** The job, if the actor may see it: other organizations' jobs do not exist for them. */
async function requireJob(ctx: ServiceContext, actor: Actor, jobId: string) {
  const job = /^[0-9a-f-]{36}$/i.test(jobId)
    ? await findBulkAwardJob(ctx.db, jobId.toLowerCase())
    : undefined;
  if (!job || !can(actor, { action: 'organization:read', organizationId: job.organizationId })) {
    if (actor.kind === 'anonymous') authorize(actor, { action: 'platform:administer' }, '');
    throw new NotFoundError('There is no bulk award with this id.');
  }
  authorize(
    actor,
    { action: 'credential:bulk-award', organizationId: job.organizationId },
    refusal,
  );
  return job;
}

async function summarize(ctx: ServiceContext, job: BulkAwardJobRow): Promise<BulkAwardSummary> {
  const counts = await countBulkAwardRows(ctx.db, job.id);
  const organization = await findOrganizationById(ctx.db, job.organizationId);
  const n = (status: string) => counts[status] ?? 0;
  return {
    id: job.id,
    organizationId: job.organizationId,
    organizationSlug: organization!.slug,
    achievementId: job.achievementId,
    format: job.format,
    status: job.status,
    fileName: job.fileName,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    counts: {
      total: job.totalRows,
      rejected: n('rejected'),
      accepted: job.totalRows - n('rejected'),
      pending: n('pending') + n('valid'),
      issued: n('issued'),
      failed: n('failed'),
    },
  };
}

export async function getBulkAward(
  ctx: ServiceContext,
  actor: Actor,
  jobId: string,
): Promise<BulkAwardSummary> {
  return summarize(ctx, await requireJob(ctx, actor, jobId));
}

export async function listBulkAwards(
  ctx: ServiceContext,
  actor: Actor,
  organizationSlug: string,
): Promise<BulkAwardSummary[]> {
  const organization = await getOrganization(ctx, organizationSlug);
  authorize(actor, { action: 'credential:bulk-award', organizationId: organization.id }, refusal);
  const jobs = await listBulkAwardJobs(ctx.db, organization.id);
  return Promise.all(jobs.map((job) => summarize(ctx, job)));
}

/** Starts issuing the accepted rows; rejected rows are left out (fix them in a new list). */
export async function startBulkAward(
  ctx: ServiceContext,
  actor: Actor,
  jobId: string,
): Promise<BulkAwardSummary> {
  const job = await requireJob(ctx, actor, jobId);
  await ctx.db.transaction(async (tx) => {
    if (!(await startBulkAwardJob(tx, job.id, ctx.now())))
      throw new ConflictError(`This bulk award was already started (it is ${job.status}).`);
    await scheduleBulkAwardWork(tx, job.id, ctx.now());
    await recordAudit(tx, actor, 'bulk-award.started', {
      organizationId: job.organizationId,
      target: job.id,
    });
  });
  return getBulkAward(ctx, actor, jobId);
}

/** Puts the failed rows back in the queue; they keep their credential ids. */
export async function retryFailedRows(
  ctx: ServiceContext,
  actor: Actor,
  jobId: string,
): Promise<{ requeued: number; job: BulkAwardSummary }> {
  const job = await requireJob(ctx, actor, jobId);
  if (job.status === 'validated')
    throw new ConflictError('This bulk award has not been started; start it first.');
  const requeued = await ctx.db.transaction(async (tx) => {
    const count = await requeueFailedRows(tx, job.id);
    if (count > 0) {
      await scheduleBulkAwardWork(tx, job.id, ctx.now());
      await recordAudit(tx, actor, 'bulk-award.retried', {
        organizationId: job.organizationId,
        target: job.id,
        detail: { rows: count },
      });
    }
    return count;
  });
  return { requeued, job: await getBulkAward(ctx, actor, jobId) };
}

export async function getRejectedRows(
  ctx: ServiceContext,
  actor: Actor,
  jobId: string,
): Promise<RejectedRow[]> {
  const job = await requireJob(ctx, actor, jobId);
  return (await listBulkAwardRows(ctx.db, job.id, 'rejected')).map((row) => ({
    rowNumber: row.rowNumber,
    input: row.input as BulkAwardRowInput,
    reasons: (row.reasons as string[] | null) ?? [],
  }));
}

/** The rejected rows as a CSV file, with a column saying why each was rejected. */
export async function getRejectedRowsCsv(
  ctx: ServiceContext,
  actor: Actor,
  jobId: string,
): Promise<string> {
  return rejectedRowsCsv(await getRejectedRows(ctx, actor, jobId));
}

export type FailedRow = { rowNumber: number; recipient: string | undefined; error: string };

export async function getFailedRows(
  ctx: ServiceContext,
  actor: Actor,
  jobId: string,
  limit = 500,
): Promise<FailedRow[]> {
  const job = await requireJob(ctx, actor, jobId);
  return (await listBulkAwardRows(ctx.db, job.id, 'failed', { limit })).map((row) => {
    const input = row.input as BulkAwardRowInput;
    return {
      rowNumber: row.rowNumber,
      recipient: input.recipient ?? input.did,
      error: row.lastError ?? 'unknown error',
    };
  });
}
