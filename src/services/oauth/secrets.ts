import { randomBytes } from 'node:crypto';
import { hashSecret } from '../auth/secrets.ts';

/** Prefixes make a leaked OAuth secret recognisable to secret scanners and in support tickets. */
export type OAuthSecretKind = 'client_secret' | 'code' | 'access' | 'refresh';

const prefixes: Record<OAuthSecretKind, string> = {
  client_secret: 'smcs',
  code: 'smac',
  access: 'smat',
  refresh: 'smrt',
};

/** A 256-bit random secret and the SHA-256 we store instead of it. */
export function newOAuthSecret(kind: OAuthSecretKind): { secret: string; hash: string } {
  const secret = `${prefixes[kind]}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

export { hashSecret };

/** Lifetimes: codes are redeemed at once; access tokens are short; refresh tokens rotate. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60 * 5;
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 60 * 60 * 24 * 30;
