/**
 * A bulk award end to end (issue 9): CSV text in → validated and stored rows → claimed, signed
 * on the signing pool, stored with status slots, transparency log entries, audit events and
 * expiry reminders. Figures only; they go to docs/PERFORMANCE.md ("Bulk awards").
 *
 *   node bench/bulk-award.ts                  100,000 rows on a fresh embedded database on disk
 *   BULK_AWARD_ROWS=5000 node bench/bulk-award.ts          fewer rows, for a quick run
 *   BENCH_DATABASE_URL=postgres://… node bench/bulk-award.ts   also on PostgreSQL (an empty
 *                                                database it may migrate and fill; DATABASE_URL too)
 *   BULK_AWARD_FORMAT=eddsa-jcs-2022, BULK_AWARD_THREADS=2, BULK_AWARD_BATCH=500
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { SignatureFormat } from '../src/credentials/index.ts';
import { type Database, openEmbeddedDatabase, openPostgresDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { achievementInputSchema } from '../src/domain/achievement.ts';
import { minimalAchievementDefinition } from '../src/domain/testing/achievement-examples.ts';
import { createAchievement } from '../src/services/achievements.ts';
import { createPasswordHasher } from '../src/services/auth/passwords.ts';
import {
  createBulkAward,
  getBulkAward,
  startBulkAward,
} from '../src/services/bulk-awards/manage.ts';
import { runBulkAwards } from '../src/services/bulk-awards/run.ts';
import { type BulkSigner, createBulkSigner } from '../src/services/bulk-awards/signer.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { createOrganization } from '../src/services/organizations.ts';
import { machineInfo } from './measure.ts';

const operator = { kind: 'admin-token' } as const;

export type BulkAwardFigures = {
  rows: number;
  validateSeconds: number;
  issueSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  issued: number;
  failed: number;
};

/** An award list like a registrar's export: emails, some DIDs, grades, narratives, dates. */
export function cohortCsv(rows: number): string {
  const lines = ['recipient,narrative,evidence_url,result,issue_date'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${i % 10 === 0 ? `did:example:graduate-${i}` : `graduate-${i}@university.example`},"Completed the programme, cohort 2026 (#${i})",https://university.example/theses/${i},${['Pass', 'Merit', 'Distinction'][i % 3]},2026-06-30`,
    );
  return `${lines.join('\n')}\n`;
}

/** A service context on its own database, with an organization and an achievement. */
export async function prepareBenchDatabase(database: Database) {
  await runMigrations(database);
  const ctx: ServiceContext = {
    db: database.db,
    logger: pino({ level: 'warn' }),
    now: () => new Date(),
    passwords: createPasswordHasher(),
    adminToken: undefined,
    publicUrl: 'http://localhost:3000',
    secretKey: randomBytes(32),
    reminderDays: [90, 30, 7],
  };
  const slug = `bench-${randomBytes(4).toString('hex')}`;
  await createOrganization(ctx, operator, { slug, name: 'Bench University', kind: 'university' });
  const achievement = await createAchievement(
    ctx,
    operator,
    slug,
    achievementInputSchema.parse({ ...minimalAchievementDefinition(), validityDays: 1825 }),
  );
  return { ctx, slug, achievementId: achievement.id };
}

/** One bulk award of `csv`, validated then issued to completion. */
export async function awardOnce(
  bench: Awaited<ReturnType<typeof prepareBenchDatabase>>,
  csv: string,
  options: { signer: BulkSigner; format?: SignatureFormat; batchSize?: number },
): Promise<BulkAwardFigures> {
  const started = performance.now();
  const job = await createBulkAward(bench.ctx, operator, bench.slug, {
    csv,
    achievementId: bench.achievementId,
    format: options.format,
  });
  await startBulkAward(bench.ctx, operator, job.id);
  const validated = performance.now();
  await runBulkAwards(bench.ctx, {
    jobId: job.id,
    sign: options.signer.sign,
    batchSize: options.batchSize,
    untilComplete: true,
  });
  const finished = performance.now();
  const done = await getBulkAward(bench.ctx, operator, job.id);
  const totalSeconds = (finished - started) / 1000;
  return {
    rows: job.counts.total,
    validateSeconds: (validated - started) / 1000,
    issueSeconds: (finished - validated) / 1000,
    totalSeconds,
    rowsPerSecond: job.counts.total / totalSeconds,
    issued: done.counts.issued,
    failed: done.counts.failed,
  };
}

function describe(figures: BulkAwardFigures): string {
  return `${figures.rows} rows in ${figures.totalSeconds.toFixed(1)} s (validate + store ${figures.validateSeconds.toFixed(1)} s, issue ${figures.issueSeconds.toFixed(1)} s): ${figures.rowsPerSecond.toFixed(0)} rows/s end to end; ${figures.issued} issued, ${figures.failed} failed`;
}

async function main() {
  const rows = Number(process.env.BULK_AWARD_ROWS ?? 100_000);
  const format = (process.env.BULK_AWARD_FORMAT ?? 'eddsa-rdfc-2022') as SignatureFormat;
  const threads = process.env.BULK_AWARD_THREADS
    ? Number(process.env.BULK_AWARD_THREADS)
    : undefined;
  const batchSize = process.env.BULK_AWARD_BATCH ? Number(process.env.BULK_AWARD_BATCH) : undefined;
  const csv = cohortCsv(rows);
  console.log(machineInfo());
  console.log(
    `Bulk award of ${rows} rows, ${format}, CSV ${(csv.length / 2 ** 20).toFixed(1)} MiB\n`,
  );
  const signer = createBulkSigner(threads === undefined ? {} : { threads });
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-bulk-bench-'));
    const embedded = await openEmbeddedDatabase(dataDir);
    try {
      const bench = await prepareBenchDatabase(embedded);
      console.log(
        `embedded (PGlite on disk): ${describe(await awardOnce(bench, csv, { signer, format, batchSize }))}`,
      );
    } finally {
      await embedded.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
    if (url) {
      const postgres = openPostgresDatabase(url, 4);
      try {
        const bench = await prepareBenchDatabase(postgres);
        console.log(
          `PostgreSQL: ${describe(await awardOnce(bench, csv, { signer, format, batchSize }))}`,
        );
      } finally {
        await postgres.close();
      }
    } else console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL or DATABASE_URL)');
  } finally {
    await signer.close();
  }
}

if (import.meta.main) await main();
