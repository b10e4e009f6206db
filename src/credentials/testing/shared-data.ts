/**
 * Test-only access to the reference data in ../shared/data (never bundled, never
 * required by product code). Tests use `describe.skipIf(!SHARED_DATA_EXISTS)`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../types.ts';

/** Absolute path of ../shared/data/standards, resolved from this file (project root/../shared). */
export const STANDARDS_DIR = fileURLToPath(
  new URL('../../../../shared/data/standards/', import.meta.url),
);

/** Whether the shared reference data is present on this machine. */
export const SHARED_DATA_EXISTS = existsSync(STANDARDS_DIR);

/** Message used when skipping. */
export const SKIP_MESSAGE = `reference data not found at ${STANDARDS_DIR}; skipping conformance tests`;

/** Reads a JSON file under ../shared/data/standards. */
export function readStandardJson(relativePath: string): JsonObject {
  return JSON.parse(readFileSync(STANDARDS_DIR + relativePath, 'utf8')) as JsonObject;
}

/** Reads a text file under ../shared/data/standards, trimmed. */
export function readStandardText(relativePath: string): string {
  return readFileSync(STANDARDS_DIR + relativePath, 'utf8').trim();
}
