import type { Context } from 'hono';
import { createLocalDiskStorage } from '../../../services/storage/local-disk-storage.ts';
import type { FileStorage } from '../../../services/storage/storage.ts';
import type { HttpEnv } from '../../env.ts';

/** Uploaded files live under `${SKILLMARK_DATA_DIR}/uploads` (the local-disk provider). */
export function storageOf(c: Context<HttpEnv>): FileStorage {
  return createLocalDiskStorage(c.get('ctx').config.dataDir);
}
