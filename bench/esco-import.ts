/**
 * Times the full ESCO import on a fresh embedded (PGlite, on disk) database: a first import, then
 * a re-import of the same files (which must update in place). Not a `*.bench.ts` case: one run
 * takes tens of seconds, so it is run by hand and its figures go to docs/PERFORMANCE.md.
 *
 *   node bench/esco-import.ts [path …]   default: ../shared/data/esco/v1.1.1 (both zips)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openEmbeddedDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { createPasswordHasher } from '../src/services/auth/passwords.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { importEsco } from '../src/services/frameworks/esco-import.ts';
import { machineInfo } from './measure.ts';

const paths =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [fileURLToPath(new URL('../../shared/data/esco/v1.1.1/', import.meta.url))];
const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-esco-bench-'));
const database = await openEmbeddedDatabase(dataDir);
try {
  await runMigrations(database);
  const ctx: ServiceContext = {
    db: database.db,
    logger: pino({ level: 'warn' }),
    now: () => new Date(),
    passwords: createPasswordHasher(),
    adminToken: undefined,
    publicUrl: 'http://localhost:3000',
    secretKey: Buffer.alloc(32),
    reminderDays: [90, 30, 7],
  };
  console.log(machineInfo());
  for (const run of ['first import', 're-import']) {
    const started = performance.now();
    const summary = await importEsco(ctx, { kind: 'admin-token' }, paths);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${run}: ${seconds.toFixed(1)} s · imported ${JSON.stringify(summary.imported)} · skipped ${JSON.stringify(summary.skipped)} · totals ${JSON.stringify(summary.totals)}`,
    );
  }
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
