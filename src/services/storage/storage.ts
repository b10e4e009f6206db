import { randomBytes } from 'node:crypto';

/**
 * Where uploaded files live, behind a small interface so a deployment can swap the local disk
 * for object storage. Keys are always generated here (`newStorageKey`), never taken from a
 * client, so a file name cannot choose where bytes are written.
 */
export type FileStorage = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
};

const keyPattern = /^[0-9a-f]{32}$/;

/** 128 random bits as hex: unguessable and free of any path syntax. */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

export function isStorageKey(key: string): boolean {
  return keyPattern.test(key);
}
