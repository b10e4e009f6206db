/**
 * Times the full ESCO import on a fresh embedded (PGlite, on disk) database: a first import, then
 * a re-import of the same files (which must update in place). Not a `*.bench.ts` case: one run
 * takes tens of seconds, so it is run by hand and its figures go to docs/PERFORMANCE.md.
 *
 *   node bench/esco-import.ts [path …]   default: ../shared/data/esco/v1.1.1 (both zips)
 */
import { fileURLToPath } from 'node:url';
import { importEsco } from '../src/services/frameworks/esco-import.ts';
import { openBenchDatabase } from './bench-database.ts';
import { machineInfo } from './measure.ts';

const paths =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [fileURLToPath(new URL('../../shared/data/esco/v1.1.1/', import.meta.url))];
const { ctx, close } = await openBenchDatabase('skillmark-esco-bench-');
try {
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
  await close();
}
