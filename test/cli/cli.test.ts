import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/skillmark.js');

function cli(args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
    input,
  });
}

describe('skillmark --help', () => {
  for (const command of [
    [],
    ['start'],
    ['migrate'],
    ['admin'],
    ['admin', 'create-token'],
    ['verify'],
    ['issue'],
    ['revoke'],
    ['keys', 'rotate'],
  ]) {
    it(`documents "skillmark ${command.join(' ')}"`, () => {
      const result = cli([...command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: skillmark/);
    });
  }

  it('fails with a clear message on bad configuration', () => {
    const result = cli(['migrate'], {
      DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x',
      SKILLMARK_SECRET_KEY: 'nope',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SKILLMARK_SECRET_KEY must be 32 bytes of base64');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

// Each case spawns whole CLI processes (Node start, module loading); on a loaded 2-core machine
// that takes seconds apiece, so these cases get more time than the default.
describe('skillmark start with the embedded database', { timeout: 180_000 }, () => {
  let dataDir: string;
  let server: ChildProcess;
  let output = '';
  let baseUrl = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'skillmark-cli-'));
    server = spawn(process.execPath, [bin, 'start'], {
      cwd: root,
      env: {
        ...process.env,
        SKILLMARK_DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
    });
    server.stdout!.on('data', (chunk) => {
      output += chunk;
    });
    server.stderr!.on('data', (chunk) => {
      output += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
      const poll = setInterval(() => {
        const port = /\(port (\d+)\)/.exec(output)?.[1];
        if (port && output.includes('API reference')) {
          clearInterval(poll);
          clearTimeout(timer);
          baseUrl = `http://127.0.0.1:${port}`;
          resolve();
        }
      }, 100);
    });
  });

  beforeEach(() => {
    // If the server died, say so with what it printed, rather than as a failed fetch.
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`The server exited:\n${output}`);
  });

  afterAll(async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo and prints how to sign in', async () => {
    expect(output).toContain('Demo data was created');
    expect(output).toContain('grace@demo-university.example.org');
    expect(output).toContain('skillmark-demo');
    const organization = await fetch(`${baseUrl}/api/v1/organizations/demo-university`);
    expect(((await organization.json()) as { name: string }).name).toBe('Demo University');
  });

  it('creates a token from the CLI while the server holds the database, printed alone on the last line', async () => {
    const result = cli(['admin', 'create-token', '--org', 'demo-university', '--role', 'issuer'], {
      SKILLMARK_DATA_DIR: dataDir,
    });
    expect(result.status, result.stderr).toBe(0);
    const token = result.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^skm_[\w-]{43}$/);
    const members = await fetch(`${baseUrl}/api/v1/organizations/demo-university/members`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(members.status).toBe(200);
  });

  it('refuses an unknown organization or role with a clear message', () => {
    const org = cli(['admin', 'create-token', '--org', 'no-such-org', '--role', 'issuer'], {
      SKILLMARK_DATA_DIR: dataDir,
    });
    expect(org.status).toBe(1);
    expect(org.stderr).toContain('There is no organization "no-such-org"');
    const role = cli(['admin', 'create-token', '--org', 'demo-university', '--role', 'king'], {
      SKILLMARK_DATA_DIR: dataDir,
    });
    expect(role.status).not.toBe(0);
    expect(role.stderr).toMatch(/Allowed choices are owner, issuer, assessor, viewer/);
  });

  it('issues, verifies (exit 0 / 1 with a per-check report), revokes and rotates keys', async () => {
    const env = { SKILLMARK_DATA_DIR: dataDir };
    const profile = (await (
      await fetch(`${baseUrl}/api/v1/organizations/demo-university/issuer`)
    ).json()) as { id: string };
    const unsigned = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: profile.id },
      name: 'CLI badge',
      credentialSubject: {
        type: ['AchievementSubject'],
        id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
        achievement: {
          id: 'https://example.org/a/1',
          type: ['Achievement'],
          name: 'CLI badge',
          description: 'Issued from the command line.',
          criteria: { narrative: 'Run the CLI.' },
        },
      },
    };
    const issued = cli(['issue', '-'], env, JSON.stringify(unsigned));
    expect(issued.status, issued.stderr).toBe(0);
    const signedFile = join(dataDir, 'signed.json');
    writeFileSync(signedFile, issued.stdout);
    const signed = JSON.parse(issued.stdout);

    const valid = cli(['verify', signedFile], env);
    expect(valid.status, valid.stdout + valid.stderr).toBe(0);
    expect(valid.stdout).toMatch(/^VALID/);
    expect(valid.stdout).toMatch(/✓ proof/);

    const tampered = cli(['verify', '-'], env, JSON.stringify({ ...signed, name: 'Forged badge' }));
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(/^NOT VALID/);
    expect(tampered.stdout).toMatch(/✗ proof/);

    const revoked = cli(['revoke', signed.id, '--reason', 'issued in a test'], env);
    expect(revoked.status, revoked.stderr).toBe(0);
    const afterRevocation = cli(['verify', signedFile], env);
    expect(afterRevocation.status).toBe(1);
    expect(afterRevocation.stdout).toMatch(/✗ status\s+This credential has been revoked/);

    const rotated = cli(['keys', 'rotate', '--org', 'northwind-academy'], env);
    expect(rotated.status, rotated.stderr).toBe(0);
    expect(rotated.stdout.trim().split('\n').at(-1)).toMatch(/^did:key:z6Mk/);
  });
});
