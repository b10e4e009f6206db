import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret with a recognisable prefix (so leaked tokens are easy to scan for). */
export function newSecret(prefix: 'skm' | 'sess'): { secret: string; hash: string } {
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

/** Bearer secrets are high-entropy, so a plain SHA-256 is enough to make the stored form useless. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
