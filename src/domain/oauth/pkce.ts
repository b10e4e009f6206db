import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * RFC 7636 (PKCE). Only S256 is accepted: `plain` would let anyone who sees the authorization
 * request redeem the code, which is what PKCE exists to prevent (OAuth 2.0 Security BCP §2.1.1).
 */

/** §4.1: 43–128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** §4.2: base64url of a SHA-256 digest, no padding: always 43 characters. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function isValidCodeVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

export function isValidS256Challenge(challenge: string): boolean {
  return CHALLENGE.test(challenge);
}

/** §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** §4.6: the verifier must hash to the stored challenge; compared in constant time. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!isValidCodeVerifier(verifier)) return false;
  const actual = Buffer.from(s256Challenge(verifier));
  const expected = Buffer.from(challenge);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
