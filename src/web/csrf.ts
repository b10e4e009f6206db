import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Synchronizer tokens for cookie-authenticated form posts: an HMAC of the session token under a
 * key derived from SKILLMARK_SECRET_KEY, so any app server can check it without shared state.
 */
export function csrfTokenFor(secretKey: Buffer, sessionToken: string): string {
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'skillmark csrf v1', 32));
  return createHmac('sha256', key).update(sessionToken).digest('base64url');
}

export function csrfTokenMatches(
  secretKey: Buffer,
  sessionToken: string,
  submitted: unknown,
): boolean {
  if (typeof submitted !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secretKey, sessionToken));
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
