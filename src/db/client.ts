import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The query handle every repository takes first; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  /** `embedded`: PGlite opened by this process; `embedded-client`: the running server's PGlite over its local socket. */
  kind: 'embedded' | 'embedded-client' | 'postgres';
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export class DatabaseInUseError extends Error {
  readonly code = 'database_in_use';
}

/** A real PostgreSQL server (or a compatible engine such as Citus). */
export function openPostgresDatabase(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection dropped by the server (restart, failover, admin) must not crash the
  // process: pg reports it here, and the pool replaces the connection on next use.
  pool.on('error', (error) => {
    process.stderr.write(
      `skillmark: database connection lost (${error.message}); it will be replaced.\n`,
    );
  });
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
  return { db, kind: 'postgres', pool, close: () => pool.end() };
}

/** Wraps an already open PGlite (tests load one from a dump). */
export function wrapPglite(pglite: PGlite): Database {
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return { db, kind: 'embedded', pglite, close: () => pglite.close() };
}

const socketName = '.s.PGSQL.5432';

/**
 * Opens the embedded database in `dataDir`. PGlite is single-process, so while a server holds
 * it, other processes (the CLI) reach it through the server's local socket instead of opening
 * the files a second time, which would corrupt them.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  if (isServing(dataDir)) {
    const pool = new pg.Pool({ host: dataDir, max: 1, user: 'postgres', database: 'postgres' });
    await waitForConnectionSlot(pool);
    const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
    return { db, kind: 'embedded-client', pool, close: () => pool.end() };
  }
  const lockFile = join(dataDir, 'skillmark.lock');
  claimLock(lockFile);
  const pglite = await PGlite.create(join(dataDir, 'pglite'));
  const database = wrapPglite(pglite);
  return {
    ...database,
    close: async () => {
      await pglite.close();
      rmSync(lockFile, { force: true });
    },
  };
}

/** Lets CLI commands share the embedded database while the server runs. */
export async function serveEmbeddedDatabaseLocally(
  database: Database,
  dataDir: string,
): Promise<() => Promise<void>> {
  if (!database.pglite) return async () => {};
  const path = join(dataDir, socketName);
  rmSync(path, { force: true });
  const server = new PGLiteSocketServer({ db: database.pglite, path });
  // A client that drops mid-message must not take the server down with it.
  server.addEventListener('error', (event) => {
    process.stderr.write(
      `skillmark: local database socket: ${String((event as CustomEvent).detail ?? event.type)}\n`,
    );
  });
  await server.start();
  return async () => {
    await server.stop();
    rmSync(path, { force: true });
  };
}

/**
 * The server lends its PGlite to one local client at a time (PGlite has one session, so two
 * clients' transactions must not interleave); a command started right after another may find
 * the slot not yet freed, so it waits briefly for it.
 */
async function waitForConnectionSlot(pool: pg.Pool, attempts = 40): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('select 1');
      return;
    } catch (error) {
      if (attempt >= attempts) {
        await pool.end().catch(() => {});
        throw new DatabaseInUseError(
          `The running server's embedded database stayed busy (${(error as Error).message}). Try again in a moment.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Whether a server process holds the database and serves it on the local socket. Read from the
 * lock file rather than by connecting: a probe connection would take the server's only slot.
 */
function isServing(dataDir: string): boolean {
  const lockFile = join(dataDir, 'skillmark.lock');
  if (!existsSync(join(dataDir, socketName)) || !existsSync(lockFile)) return false;
  const pid = Number(readFileSync(lockFile, 'utf8'));
  return pid > 0 && pid !== process.pid && isAlive(pid);
}

function claimLock(lockFile: string): void {
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseInUseError(
        `The embedded database in ${lockFile.replace(/skillmark\.lock$/, '')} is open in process ${pid}. Stop that process first, or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
