import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sharedData = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** A file of ../shared/data (reference data that is not ours), or undefined where it is absent. */
export function sharedDataPath(relative: string): string | undefined {
  const path = `${sharedData}${relative}`;
  if (existsSync(path)) return path;
  console.warn(`Skipped: ${path} is absent (reference data from ../shared/data).`);
  return undefined;
}
