import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'skillmark-config-'));
const key = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('has working defaults for the embedded database', () => {
    const dataDir = tempDir();
    const config = loadConfig({ SKILLMARK_DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      seed: 'demo',
    });
    expect(config.secretKey).toHaveLength(32);
  });

  it('generates the secret key into the data folder once, private to the owner, and reuses it', () => {
    const dataDir = tempDir();
    const first = loadConfig({ SKILLMARK_DATA_DIR: dataDir }).secretKey;
    const keyFile = join(dataDir, 'secret.key');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(loadConfig({ SKILLMARK_DATA_DIR: dataDir }).secretKey.equals(first)).toBe(true);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('requires SKILLMARK_SECRET_KEY with a server database, saying how to make one', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/skillmark' })).toThrow(
      /SKILLMARK_SECRET_KEY is required when DATABASE_URL is set.*openssl rand -base64 32/,
    );
  });

  it('names each bad variable with what it must be', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        SKILLMARK_SECRET_KEY: 'short',
        DATABASE_URL: 'mysql://x',
        SKILLMARK_SEED: 'lots',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/SKILLMARK_SECRET_KEY must be 32 bytes of base64/);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL must be a postgres:\/\//);
    expect(attempt).toThrow(/SKILLMARK_SEED must be 'demo' or 'none'/);
  });

  it('reads the expiry reminder days, refusing anything but positive whole numbers', () => {
    const dataDir = tempDir();
    expect(loadConfig({ SKILLMARK_DATA_DIR: dataDir }).reminderDays).toEqual([90, 30, 7]);
    expect(
      loadConfig({ SKILLMARK_DATA_DIR: dataDir, SKILLMARK_REMINDER_DAYS: '14, 60,14' })
        .reminderDays,
    ).toEqual([60, 14]);
    for (const bad of ['0', '30,-7', 'ninety', '30,,7'])
      expect(() =>
        loadConfig({ SKILLMARK_DATA_DIR: dataDir, SKILLMARK_REMINDER_DAYS: bad }),
      ).toThrow(/SKILLMARK_REMINDER_DAYS must be a comma-separated list of positive whole numbers/);
  });

  it('reads the server settings', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db:5432/skillmark',
      SKILLMARK_SECRET_KEY: key,
      SKILLMARK_PUBLIC_URL: 'https://credentials.example.edu/',
      SKILLMARK_CORS_ORIGINS: 'https://lms.example.edu, https://portal.example.edu',
      PORT: '8080',
      SKILLMARK_SEED: 'none',
    });
    expect(config.publicUrl).toBe('https://credentials.example.edu');
    expect(config.corsOrigins).toEqual(['https://lms.example.edu', 'https://portal.example.edu']);
    expect(config.secretKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(config).toMatchObject({ port: 8080, seed: 'none' });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ SKILLMARK_DATA_DIR: tempDir(), PORT: '', DATABASE_URL: '' }).port).toBe(
      3000,
    );
  });
});
