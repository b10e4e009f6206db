import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { findAchievement } from '../../db/repositories/achievements.ts';
import { findOrganizationById } from '../../db/repositories/organizations.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  type BulkAwardSummary,
  createBulkAward,
  getBulkAward,
  getFailedRows,
  getRejectedRows,
  getRejectedRowsCsv,
  retryFailedRows,
  startBulkAward,
} from '../../services/bulk-awards/manage.ts';
import { runBulkAwards } from '../../services/bulk-awards/run.ts';
import { createBulkSigner } from '../../services/bulk-awards/signer.ts';
import type { ServiceContext } from '../../services/context.ts';
import { withContext } from '../with-context.ts';

const operator = { kind: 'admin-token' } as const;

type AwardOptions = {
  csv?: string;
  achievement?: string;
  org?: string;
  format: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'vc-jwt';
  skipRejected?: boolean;
  resume?: string;
  retryFailed?: boolean;
  batchSize: string;
  threads?: string;
  leaseSeconds: string;
  progress: boolean;
};

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ValidationError(`${name} must be a whole number.`);
  return n;
}

async function organizationSlugOf(ctx: ServiceContext, achievementId: string): Promise<string> {
  const achievement = /^[0-9a-f-]{36}$/i.test(achievementId)
    ? await findAchievement(ctx.db, achievementId.toLowerCase())
    : undefined;
  if (!achievement) throw new NotFoundError(`There is no achievement ${achievementId}.`);
  return (await findOrganizationById(ctx.db, achievement.organizationId))!.slug;
}

async function validate(ctx: ServiceContext, options: AwardOptions): Promise<BulkAwardSummary> {
  if (!options.csv || !options.achievement)
    throw new ValidationError('Give --csv <file> and --achievement <id> (or --resume <job-id>).');
  const slug = options.org ?? (await organizationSlugOf(ctx, options.achievement));
  const job = await createBulkAward(ctx, operator, slug, {
    csv: readFileSync(options.csv, 'utf8'),
    fileName: basename(options.csv),
    achievementId: options.achievement,
    format: options.format,
  });
  process.stderr.write(
    `Validated ${job.counts.total} rows: ${job.counts.accepted} accepted, ${job.counts.rejected} rejected (bulk award ${job.id}).\n`,
  );
  if (job.counts.rejected > 0) {
    const report = `${options.csv.replace(/\.csv$/i, '')}.rejected.csv`;
    writeFileSync(report, await getRejectedRowsCsv(ctx, operator, job.id));
    for (const row of (await getRejectedRows(ctx, operator, job.id)).slice(0, 10))
      process.stderr.write(`  row ${row.rowNumber}: ${row.reasons.join('; ')}\n`);
    process.stderr.write(`The rejected rows and why are in ${report}.\n`);
    if (!options.skipRejected) {
      process.stderr.write(
        `Nothing was issued. Fix the file and run again, or add --skip-rejected to issue the ${job.counts.accepted} accepted rows.\n`,
      );
      process.exitCode = 1;
      return job;
    }
  }
  return startBulkAward(ctx, operator, job.id);
}

/** Runs the job here (other app servers may share it) with a progress bar: rate and ETA. */
async function work(ctx: ServiceContext, job: BulkAwardSummary, options: AwardOptions) {
  const signer = createBulkSigner(
    options.threads !== undefined ? { threads: positive('--threads', options.threads) } : {},
  );
  const total = job.counts.accepted;
  // A bar on a terminal; one line per batch in a log (CI, nohup), where a bar would be noise.
  const tty = options.progress && process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    {
      format:
        'Issuing |{bar}| {percentage}% {value}/{total} | {rate} credentials/s | ETA {eta_formatted} | {failed} failed',
      etaBuffer: 20,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const already = job.counts.issued + job.counts.failed;
  let done = already;
  let failed = job.counts.failed;
  if (tty) bar.start(total, done, { rate: '0', failed });
  try {
    await runBulkAwards(ctx, {
      jobId: job.id,
      sign: signer.sign,
      batchSize: positive('--batch-size', options.batchSize) || 250,
      leaseMs: positive('--lease-seconds', options.leaseSeconds) * 1000,
      untilComplete: true,
      onBatch: async () => {
        // Counted from the database: other workers' rows count too.
        const now = await getBulkAward(ctx, operator, job.id);
        done = now.counts.issued + now.counts.failed;
        failed = now.counts.failed;
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        const rate = (done - already) / seconds;
        if (tty) bar.update(done, { rate: rate.toFixed(0), failed });
        else if (options.progress) {
          const eta = rate > 0 ? `${Math.ceil((total - done) / rate)} s` : '?';
          process.stderr.write(
            `Issuing: ${done}/${total} (${rate.toFixed(0)} credentials/s, ETA ${eta}), ${failed} failed\n`,
          );
        }
      },
    });
  } finally {
    if (tty) bar.stop();
    await signer.close();
  }
}

async function report(ctx: ServiceContext, jobId: string, started: number) {
  const job = await getBulkAward(ctx, operator, jobId);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `Bulk award ${job.id}: ${job.status}; ${job.counts.issued} issued, ${job.counts.failed} failed, ${job.counts.rejected} rejected (${seconds.toFixed(1)} s).\n`,
  );
  for (const row of await getFailedRows(ctx, operator, jobId, 20))
    process.stdout.write(`  row ${row.rowNumber} (${row.recipient ?? '?'}): ${row.error}\n`);
  if (job.counts.failed > 0) {
    process.stdout.write(
      `Retry the failed rows with: skillmark award --resume ${job.id} --retry-failed\n`,
    );
    process.exitCode = 1;
  }
}

export function registerAwardCommand(program: Command) {
  program
    .command('award')
    .description(
      'Bulk award: validate a CSV award list (one row per learner) and issue it as a durable job; interrupted, it resumes with --resume',
    )
    .option(
      '--csv <file>',
      'the award list: columns recipient (email or DID), narrative, evidence_url, result, issue_date',
    )
    .option('--achievement <id>', 'the achievement of rows that name none')
    .option('--org <slug>', "the organization (default: the achievement's)")
    .addOption(
      new Option('--format <format>', 'proof format')
        .choices(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'vc-jwt'])
        .default('eddsa-rdfc-2022'),
    )
    .option('--skip-rejected', 'issue the accepted rows even when some were rejected')
    .option('--resume <job-id>', 'go on with a started bulk award (after an interruption)')
    .option('--retry-failed', 'with --resume: queue the failed rows again first')
    .option('--batch-size <n>', 'rows per committed batch', '250')
    .option('--threads <n>', 'signing threads (default: one per core; 0: sign on the main thread)')
    .option('--lease-seconds <n>', 'how long claimed rows wait for a worker that died', '120')
    .option('--no-progress', 'no progress bar')
    .action(async (options: AwardOptions) => {
      const started = Date.now();
      await withContext(async (ctx) => {
        let job: BulkAwardSummary;
        if (options.resume) {
          if (options.retryFailed) await retryFailedRows(ctx, operator, options.resume);
          job = await getBulkAward(ctx, operator, options.resume);
          if (job.status === 'validated') job = await startBulkAward(ctx, operator, job.id);
        } else {
          job = await validate(ctx, options);
          if (job.status === 'validated') return;
        }
        if (job.status === 'running') await work(ctx, job, options);
        await report(ctx, job.id, started);
      });
    });
}
