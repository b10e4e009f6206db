import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgresDatabase, wrapPglite } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';

export type TestDatabaseSource =
  | { kind: 'pglite'; snapshotPath: string }
  | { kind: 'postgres'; url: string; template: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

const projectRoot = new URL('..', import.meta.url).pathname;

/**
 * Migrates one database per test run: a PGlite snapshot on disk, or a template database on the
 * PostgreSQL server named by TEST_DATABASE_URL. Test files clone it (see helpers/database.ts).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `skillmark_test_template_${process.pid}`;
    await adminQuery(serverUrl, `drop database if exists ${template}`);
    await adminQuery(serverUrl, `create database ${template}`);
    const database = openPostgresDatabase(withDatabase(serverUrl, template), 1);
    await runMigrations(database);
    await database.close();
    project.provide('testDatabase', { kind: 'postgres', url: serverUrl, template });
    return async () => {
      await adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
    };
  }
  const pglite = await PGlite.create();
  await runMigrations(wrapPglite(pglite));
  const snapshot = await pglite.dumpDataDir('none');
  await pglite.close();
  const directory = join(projectRoot, '.tmp');
  mkdirSync(directory, { recursive: true });
  const snapshotPath = join(directory, `test-database-${process.pid}.tar`);
  writeFileSync(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('testDatabase', { kind: 'pglite', snapshotPath });
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
