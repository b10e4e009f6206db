/**
 * A fresh embedded (PGlite, on disk) database in a temporary folder with a service context on it,
 * for benchmarks that run by hand; `close` removes the folder again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openEmbeddedDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { createPasswordHasher } from '../src/services/auth/passwords.ts';
import type { ServiceContext } from '../src/services/context.ts';

export async function openBenchDatabase(prefix: string) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const database = await openEmbeddedDatabase(dataDir);
  const close = async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await runMigrations(database);
  } catch (error) {
    await close();
    throw error;
  }
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
  return { ctx, close };
}
