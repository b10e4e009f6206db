/**
 * Every limit that bounds verification of untrusted input, in one place. Each refusal happens
 * before the expensive step it protects: size before parsing, depth and proof count before
 * JSON-LD canonicalization (which is superlinear in the worst case), image size before
 * decoding. Documented in docs/EMPLOYERS.md ("Verifying a credential").
 */
export const VERIFICATION_LIMITS = {
  /** Largest credential text (JSON or JWT) accepted for verification: 1 MiB. */
  maxCredentialBytes: 1024 * 1024,
  /** Largest uploaded or downloaded file (baked PNG or SVG badges included): 5 MiB. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Largest HTTP request to the verify endpoints (a 5 MiB file base64-encoded, plus room). */
  maxRequestBytes: 8 * 1024 * 1024,
  /** Deepest nesting of objects and arrays in a credential; real credentials stay below 20. */
  maxDepth: 64,
  /** Most proofs in one proof set (VC-DATA-INTEGRITY §2.1.1); real credentials carry one or two. */
  maxProofs: 8,
  /** Most credentials inside one presentation. */
  maxPresentationCredentials: 20,
  /** Time limit of one remote fetch (a credential URL, a key, a status list). */
  fetchTimeoutMs: 10_000,
} as const;

/**
 * True when `text` (JSON) nests deeper than `max`, found by scanning without parsing, so a
 * hostile document costs one linear pass and no stack.
 */
export function jsonTextTooDeep(text: string, max: number = VERIFICATION_LIMITS.maxDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > max) return true;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return false;
}

/** True when a parsed value nests deeper than `max`; iterative, so it cannot overflow the stack. */
export function valueTooDeep(value: unknown, max: number = VERIFICATION_LIMITS.maxDepth): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}
