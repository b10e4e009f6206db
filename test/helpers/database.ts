import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type Database, openPostgresDatabase, wrapPglite } from '../../src/db/client.ts';
import { adminQuery, withDatabase } from '../global-setup.ts';

/**
 * A migrated database of this test file's own: PGlite loaded from the run's snapshot (about a
 * second, against five for a fresh initdb), or a PostgreSQL database cloned from the template.
 */
export async function openTestDatabase(): Promise<Database> {
  const source = inject('testDatabase');
  if (source.kind === 'pglite') {
    const pglite = await PGlite.create({
      loadDataDir: new Blob([readFileSync(source.snapshotPath)]),
    });
    return wrapPglite(pglite);
  }
  const name = `skillmark_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(source.url, `create database ${name} template ${source.template}`);
  const database = openPostgresDatabase(withDatabase(source.url, name), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(source.url, `drop database if exists ${name} with (force)`);
    },
  };
}
