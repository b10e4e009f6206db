/** Small readers for loosely shaped JSON-LD values. */
import type { JsonObject, JsonValue } from './types.ts';

/** A value or list of values as a list (JSON-LD allows either for most properties). */
export function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `id` of a value that is either an id string or an object with `id` (e.g. `issuer`). */
export function idOf(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.id === 'string') return value.id;
  return undefined;
}

/** The message of an error and its causes, for technical detail lines. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error) {
      parts.push(current.message);
      current = current.cause ?? (current as { details?: { cause?: unknown } }).details?.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' <- ');
}

/** True when `error` or one of its causes (incl. jsonld.js `details.cause`) satisfies `test`. */
export function hasCause(error: unknown, test: (cause: unknown) => boolean): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    if (test(current)) return true;
    if (!(current instanceof Error)) return false;
    current = current.cause ?? (current as { details?: { cause?: unknown } }).details?.cause;
  }
  return false;
}
