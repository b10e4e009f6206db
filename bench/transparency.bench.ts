/**
 * The transparency log (issue 10) at 1k, 100k and 1M events: time per append (one transaction
 * with the log's row lock, the frontier read and the new nodes written, as issuing does), per
 * inclusion proof and per consistency proof, on the embedded database (PGlite on disk).
 *
 * Each log is bulk-loaded in SQL first (leaves, then each level of complete subtrees with
 * PostgreSQL's own sha256()), which is how 1M events are reached in about a minute rather than
 * by a million service calls; the first append then checks that the loaded nodes and the
 * application's agree (its inclusion proof must verify).
 *
 *   npm run bench -- --only transparency
 *   SKILLMARK_BENCH_LOG_SIZES=1000,100000 npm run bench -- --only transparency
 */
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { type Database, wrapPglite } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { logSize } from '../src/db/repositories/transparency.ts';
import { MemoryTree } from '../src/domain/transparency/memory-tree.ts';
import {
  consistencyRanges,
  inclusionRanges,
  keysOfRanges,
  leafHash,
  proofOf,
  toHex,
  verifyInclusion,
} from '../src/domain/transparency/merkle.ts';
import { appendLogEvent } from '../src/services/transparency/append.ts';
import { nodeLookup, rootAt } from '../src/services/transparency/tree-heads.ts';
import type { BenchCase } from './measure.ts';

const sizes = (process.env.SKILLMARK_BENCH_LOG_SIZES ?? '1000,100000,1000000')
  .split(',')
  .map(Number);

let open: { size: number; database: Database; dir: string } | undefined;
let counter = 0;

async function bulkLoad(database: Database, size: number) {
  const db = database.db;
  const leafSql = `'{"v":1,"type":"credential.issued","issuer":"did:web:bench.example","credential":"' || h || '","time":"2025-01-01T00:00:00.000Z"}'`;
  await db.execute(
    sql.raw(`insert into transparency_entries (index, event_type, leaf, credential_hash, logged_at)
      select i, 'credential.issued', ${leafSql}, h, now()
      from (select i, encode(sha256(convert_to(i::text, 'UTF8')), 'hex') as h
            from generate_series(0, ${size - 1}) as i) as s`),
  );
  await db.execute(
    sql.raw(`insert into transparency_nodes (level, index, hash)
      select 0, index, encode(sha256('\\x00'::bytea || convert_to(leaf, 'UTF8')), 'hex')
      from transparency_entries`),
  );
  for (let level = 0, width = size; width >= 2; level++, width = Math.floor(width / 2)) {
    await db.execute(
      sql.raw(`insert into transparency_nodes (level, index, hash)
        select ${level + 1}, a.index / 2,
               encode(sha256('\\x01'::bytea || decode(a.hash, 'hex') || decode(b.hash, 'hex')), 'hex')
        from transparency_nodes a
        join transparency_nodes b on b.level = ${level} and b.index = a.index + 1
        where a.level = ${level} and a.index % 2 = 0`),
    );
  }
  await db.execute(sql.raw(`insert into transparency_log (id, size) values (1, ${size})`));
  await db.execute(sql.raw('vacuum analyze'));
}

function event() {
  counter += 1;
  return {
    type: 'credential.issued' as const,
    issuer: 'did:web:bench.example',
    credential: counter.toString(16).padStart(64, '0'),
    time: '2025-01-01T00:00:00.000Z',
  };
}

async function append(database: Database) {
  return database.db.transaction((tx) => appendLogEvent(tx, event(), new Date()));
}

async function logOf(size: number): Promise<Database> {
  if (open?.size === size) return open.database;
  if (open) {
    await open.database.close();
    rmSync(open.dir, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), 'skillmark-bench-log-'));
  const database = wrapPglite(await PGlite.create(dir));
  await runMigrations(database);
  const started = performance.now();
  await bulkLoad(database, size);
  process.stderr.write(
    `    loaded ${size.toLocaleString('en')} events in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (size <= 100_000) {
    // The SQL-built nodes must equal the application's: replay the leaves in memory.
    const result = await database.db.execute(
      sql.raw('select leaf from transparency_entries order by index'),
    );
    const leaves = (result as unknown as { rows: Array<{ leaf: string }> }).rows;
    const tree = MemoryTree.of(leaves.map((row) => leafHash(new TextEncoder().encode(row.leaf))));
    if (toHex(tree.root()) !== toHex(await rootAt(database.db, size)))
      throw new Error('The bulk-loaded tree differs from the application’s.');
  }
  // A fresh append through the service must fit onto the loaded frontier.
  const index = await append(database);
  const root = await rootAt(database.db, index + 1);
  const ranges = inclusionRanges(index, index + 1);
  const proof = proofOf(ranges, await nodeLookup(database.db, keysOfRanges(ranges)));
  const own = await database.db.execute(
    sql.raw(`select leaf from transparency_entries where index = ${index}`),
  );
  const stored = (own as unknown as { rows: Array<{ leaf: string }> }).rows[0]!.leaf;
  if (!verifyInclusion(leafHash(new TextEncoder().encode(stored)), index, index + 1, proof, root))
    throw new Error('The bulk-loaded tree and the appended leaf disagree.');
  open = { size, database, dir };
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return database;
}

function label(size: number) {
  return size >= 1_000_000
    ? `${size / 1_000_000}M`
    : size >= 1000
      ? `${size / 1000}k`
      : String(size);
}

export const cases: BenchCase[] = sizes.flatMap((size): BenchCase[] => {
  let database: Database;
  const setup = async () => {
    database = await logOf(size);
  };
  return [
    {
      name: `transparency append at ${label(size)} events`,
      setup,
      run: () => append(database),
    },
    {
      name: `transparency inclusion proof at ${label(size)}`,
      setup,
      run: async () => {
        const n = await logSize(database.db);
        const ranges = inclusionRanges(randomInt(n), n);
        return proofOf(ranges, await nodeLookup(database.db, keysOfRanges(ranges)));
      },
    },
    {
      name: `transparency consistency proof at ${label(size)}`,
      setup,
      run: async () => {
        const n = await logSize(database.db);
        const ranges = consistencyRanges(randomInt(1, n), n);
        return proofOf(ranges, await nodeLookup(database.db, keysOfRanges(ranges)));
      },
    },
  ];
});
