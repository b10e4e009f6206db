/**
 * Issue 9: a bulk award killed (SIGKILL) at random moments and resumed finishes with every row
 * issued exactly once. The job runs in `skillmark award` child processes on a database that
 * outlives them: an embedded data folder on disk, or PostgreSQL when TEST_DATABASE_URL is set.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createAppContext } from '../../src/context.ts';
import { achievementInputSchema } from '../../src/domain/achievement.ts';
import { minimalAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createAchievement } from '../../src/services/achievements.ts';
import { createOrganization } from '../../src/services/organizations.ts';
import { adminQuery, withDatabase } from '../global-setup.ts';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/skillmark.js');
const operator = { kind: 'admin-token' } as const;
const rows = 300;
const kills = 4;

let dir: string;
let env: Record<string, string>;
let dropDatabase = async () => {};

async function withApp<T>(run: (ctx: Awaited<ReturnType<typeof createAppContext>>) => Promise<T>) {
  const ctx = await createAppContext({ ...loadConfig(env), logLevel: 'warn' });
  try {
    return await run(ctx);
  } finally {
    await ctx.close();
  }
}

async function select<T>(
  ctx: Awaited<ReturnType<typeof createAppContext>>,
  query: ReturnType<typeof sql>,
) {
  return ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

function award(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  let output = '';
  const child = spawn(
    process.execPath,
    [bin, 'award', ...args, '--threads', '0', '--batch-size', '10', '--lease-seconds', '1'],
    { cwd: root, env: { ...process.env, ...env } },
  );
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the child has committed `batches` more batches (it prints a line per batch). */
async function batchesCommitted(run: ReturnType<typeof award>, batches: number) {
  for (;;) {
    const lines = run.output().match(/Issuing: \d+/g)?.length ?? 0;
    if (lines >= batches || run.child.exitCode !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillmark-bulk-'));
  env = {
    SKILLMARK_DATA_DIR: join(dir, 'data'),
    SKILLMARK_SECRET_KEY: randomBytes(32).toString('base64'),
    SKILLMARK_PUBLIC_URL: 'http://localhost:3000',
    SKILLMARK_SEED: 'none',
  };
  const source = inject('testDatabase');
  if (source.kind === 'postgres') {
    const name = `skillmark_bulk_${randomBytes(6).toString('hex')}`;
    await adminQuery(source.url, `create database ${name} template ${source.template}`);
    env.DATABASE_URL = withDatabase(source.url, name);
    dropDatabase = () => adminQuery(source.url, `drop database if exists ${name} with (force)`);
  }
});
afterAll(async () => {
  await dropDatabase();
  rmSync(dir, { recursive: true, force: true });
});

describe('skillmark award, killed and resumed', { timeout: 600_000 }, () => {
  it(`issues each of ${rows} rows exactly once across ${kills} SIGKILLs at random moments`, async () => {
    const achievementId = await withApp(async (ctx) => {
      await createOrganization(ctx, operator, {
        slug: 'cohort-u',
        name: 'Cohort U',
        kind: 'university',
      });
      const achievement = await createAchievement(
        ctx,
        operator,
        'cohort-u',
        achievementInputSchema.parse({ ...minimalAchievementDefinition(), validityDays: 730 }),
      );
      return achievement.id;
    });
    const csvPath = join(dir, 'cohort.csv');
    const lines = ['recipient,narrative,result,issue_date'];
    for (let i = 0; i < rows; i++)
      lines.push(
        `${i % 7 === 0 ? `did:example:learner-${i}` : `learner-${i}@example.org`},"Cohort, row ${i}",${i % 3 ? 'Pass' : 'Merit'},2026-06-30`,
      );
    writeFileSync(csvPath, `${lines.join('\n')}\n`);

    let jobId = '';
    const progress: number[] = [];
    for (let attempt = 0; attempt < kills; attempt++) {
      const run = award(
        attempt === 0 ? ['--csv', csvPath, '--achievement', achievementId] : ['--resume', jobId],
      );
      // After one to three committed batches, then anywhere in the work that follows: between
      // claims, mid-signing, inside a store transaction. Tied to progress rather than to the
      // clock, so each run is killed mid-way however fast or loaded the machine is.
      await batchesCommitted(run, randomInt(1, 4));
      await new Promise((resolve) => setTimeout(resolve, randomInt(0, 200)));
      const stillRunning = run.child.exitCode === null;
      run.child.kill('SIGKILL');
      await run.exited;
      if (attempt === 0) jobId = /bulk award ([0-9a-f-]{36})/.exec(run.output())?.[1] ?? '';
      expect(jobId, run.output()).toMatch(/^[0-9a-f-]{36}$/);
      expect(stillRunning, `run ${attempt} ended before it was killed:\n${run.output()}`).toBe(
        true,
      );
      const [state] = await withApp((ctx) =>
        select<{ issued: number }>(
          ctx,
          sql`select count(*)::int as issued from bulk_award_rows where job_id = ${jobId} and status = 'issued'`,
        ),
      );
      progress.push(state!.issued);
    }
    expect(progress.at(-1), 'killed before the end').toBeLessThan(rows);
    expect(progress.at(-1), 'made progress between kills').toBeGreaterThan(0);

    const last = award(['--resume', jobId]);
    expect(await last.exited, last.output()).toBe(0);
    expect(last.output()).toMatch(new RegExp(`completed; ${rows} issued, 0 failed`));

    await withApp(async (ctx) => {
      const rowStates = await select<{ status: string; n: number }>(
        ctx,
        sql`select status, count(*)::int as n from bulk_award_rows where job_id = ${jobId} group by status`,
      );
      expect(rowStates).toEqual([{ status: 'issued', n: rows }]);
      const stored = await select<{
        id: string;
        signed: string;
        list: string;
        idx: number;
        email: string | null;
        did: string | null;
      }>(
        ctx,
        sql`select c.id, c.signed, c.revocation_list_id as list, c.revocation_index as idx,
              c.recipient_email as email, c.recipient_did as did
            from issued_credentials c join bulk_award_rows r on r.credential_id = c.id
            where r.job_id = ${jobId}`,
      );
      expect(stored).toHaveLength(rows);
      // Every learner once: no row lost, none issued twice under another id.
      const learners = new Set(stored.map((c) => c.email ?? c.did));
      expect(learners.size).toBe(rows);
      const slots = new Set(stored.map((c) => `${c.list}:${c.idx}`));
      expect(slots.size).toBe(rows);
      const [all] = await select<{ n: number }>(
        ctx,
        sql`select count(*)::int as n from issued_credentials`,
      );
      expect(all!.n, 'no credential stored outside the rows').toBe(rows);
      const [logged] = await select<{ n: number; distinct: number }>(
        ctx,
        sql`select count(*)::int as n, count(distinct credential_hash)::int as distinct
            from transparency_entries where event_type = 'credential.issued'`,
      );
      expect(logged).toEqual({ n: rows, distinct: rows });
      const [audited] = await select<{ n: number }>(
        ctx,
        sql`select count(*)::int as n from audit_events where action = 'credential.issued'`,
      );
      expect(audited!.n).toBe(rows);
      const [events] = await select<{ n: number; distinct: number }>(
        ctx,
        sql`select count(*)::int as n, count(distinct issued_credential_id)::int as distinct
            from credential_events where type = 'issued'`,
      );
      expect(events).toEqual({ n: rows, distinct: rows });
      const [allocated] = await select<{ n: number }>(
        ctx,
        sql`select coalesce(sum(allocated), 0)::int as n from status_lists`,
      );
      expect(allocated!.n, 'each slot allocated once, however often its row was retried').toBe(
        rows,
      );
      const sample = JSON.parse(stored[0]!.signed);
      expect(sample.validFrom).toBe('2026-06-30T00:00:00Z');
      expect(sample.credentialStatus.statusListIndex).toBe(String(stored[0]!.idx));
    });
  });
});
