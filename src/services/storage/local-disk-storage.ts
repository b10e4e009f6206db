import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type FileStorage, isStorageKey } from './storage.ts';

/**
 * Files under `${dataDir}/uploads/<first two hex digits>/<key>`, owner-readable only. A key that
 * is not one we generate is refused before any path is built.
 */
export function createLocalDiskStorage(dataDir: string): FileStorage {
  const root = join(dataDir, 'uploads');
  const pathOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error('Refused a storage key that was not generated here.');
    return join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(join(root, key.slice(0, 2)), { recursive: true, mode: 0o700 });
      // `wx`: a key is written once; a collision fails instead of overwriting someone's file.
      await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
