/**
 * `npm run bench` case for bulk awards: one operation is a whole award list of
 * BULK_AWARD_BENCH_ROWS rows (default 1,000) validated and issued end to end on an embedded
 * database, so rows/s is ops/s × rows. The 100,000-row figure comes from `bench/bulk-award.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedDatabase } from '../src/db/client.ts';
import { createBulkSigner } from '../src/services/bulk-awards/signer.ts';
import { awardOnce, cohortCsv, prepareBenchDatabase } from './bulk-award.ts';
import type { BenchCase } from './measure.ts';

const rows = Number(process.env.BULK_AWARD_BENCH_ROWS ?? 1000);
let bench: Awaited<ReturnType<typeof prepareBenchDatabase>> | undefined;
const csv = cohortCsv(rows);

export const cases: BenchCase[] = [
  {
    name: `bulk award: ${rows} rows, CSV to stored credentials (embedded, eddsa-rdfc-2022)`,
    async setup() {
      const database = await openEmbeddedDatabase(mkdtempSync(join(tmpdir(), 'skillmark-bulk-')));
      bench = await prepareBenchDatabase(database);
    },
    // A pool per operation (its start-up is part of the figure): a pool left open would keep
    // the bench process from exiting, and a case has no teardown.
    async run() {
      const signer = createBulkSigner();
      try {
        return await awardOnce(bench!, csv, { signer });
      } finally {
        await signer.close();
      }
    },
  },
];
