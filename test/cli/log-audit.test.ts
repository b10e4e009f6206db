import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys } from '../../src/services/issuers/issuer-keys.ts';
import { produceTreeHead } from '../../src/services/transparency/tree-heads.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/skillmark.js');

/** Runs the CLI without blocking this process, which serves the instance it audits. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

let t: TestApp;
let server: ReturnType<typeof serve>;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'skillmark-audit-'));

beforeAll(async () => {
  t = await createTestApp();
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('skillmark log audit', { timeout: 120_000 }, () => {
  it('remembers the head it checked, and exits 1 when the log is later rolled back', async () => {
    // A key rotation on the platform key is a log event; it gives the log its first leaves.
    await rotateKeys(t.ctx, null);
    await rotateKeys(t.ctx, null);
    await produceTreeHead(t.ctx);
    const state = join(dir, 'state.json');
    const first = await cli(['log', 'audit', url, '--state', state]);
    expect(first.stdout).toContain('LOG OK');
    expect(first.status).toBe(0);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ treeSize: 2 });

    // Roll the log back to one entry and sign that.
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`delete from transparency_heads`);
      await tx.execute(sql`delete from transparency_entries where index >= 1`);
      await tx.execute(sql`delete from transparency_nodes where index >= 1 or level > 0`);
      await tx.execute(sql`update transparency_log set size = 1`);
    });
    await produceTreeHead(t.ctx);
    const second = await cli(['log', 'audit', url, '--state', state]);
    expect(second.stdout).toContain('LOG PROBLEM');
    expect(second.stdout).toMatch(/Rollback: the log shrank from 2 to 1/);
    expect(second.status).toBe(1);
  });
});
