import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalDiskStorage } from './local-disk-storage.ts';
import { newStorageKey } from './storage.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'skillmark-storage-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('local disk storage', () => {
  const storage = createLocalDiskStorage(dataDir);

  it('stores bytes under the uploads folder by generated key, readable by the owner only', async () => {
    const key = newStorageKey();
    await storage.put(key, new TextEncoder().encode('hello'));
    const path = join(dataDir, 'uploads', key.slice(0, 2), key);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(new TextDecoder().decode(await storage.get(key))).toBe('hello');
    await storage.delete(key);
    expect(await storage.get(key)).toBeUndefined();
  });

  it('refuses keys it did not generate, such as paths', async () => {
    await expect(storage.put('../../etc/passwd', new Uint8Array())).rejects.toThrow(/storage key/);
    await expect(storage.get('../secret.key')).rejects.toThrow(/storage key/);
    expect(existsSync(join(dataDir, 'etc'))).toBe(false);
  });

  it('never overwrites a stored file', async () => {
    const key = newStorageKey();
    await storage.put(key, new Uint8Array([1]));
    await expect(storage.put(key, new Uint8Array([2]))).rejects.toThrow();
  });
});
