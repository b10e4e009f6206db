/**
 * `npm run bench` case for bulk awards: one operation is a whole award list of
 * BULK_AWARD_BENCH_ROWS rows (default 1,000) validated and issued end to end on an embedded
 * database, so rows/s is ops/s × rows. The 100,000-row figure comes from `bench/bulk-award.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedDatabase } from '../src/db/client.ts';
import { type BulkSigner, createBulkSigner } from '../src/services/bulk-awards/signer.ts';
import { awardOnce, cohortCsv, prepareBenchDatabase } from './bulk-award.ts';
import type { BenchCase } from './measure.ts';

const rows = Number(process.env.BULK_AWARD_BENCH_ROWS ?? 1000);
let bench: Awaited<ReturnType<typeof prepareBenchDatabase>> | undefined;
let signer: BulkSigner | undefined;
const csv = cohortCsv(rows);

export const cases: BenchCase[] = [
  {
    name: `bulk award: ${rows} rows, CSV to stored credentials (embedded, eddsa-rdfc-2022)`,
    async setup() {
      const database = await openEmbeddedDatabase(mkdtempSync(join(tmpdir(), 'skillmark-bulk-')));
      bench = await prepareBenchDatabase(database);
      signer = createBulkSigner();
      // The pool's threads and the database close when the bench process exits.
    },
    run: () => awardOnce(bench!, csv, { signer: signer! }),
  },
];
