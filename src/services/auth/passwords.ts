import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
};

/**
 * scrypt from node:crypto: a memory-hard KDF built into the runtime, so no native addon and no
 * WASM package is needed. Parameters are stored with each hash (`scrypt$N$r$p$salt$hash`), so
 * raising the cost later keeps old hashes verifiable.
 */
export function createPasswordHasher(options: { cost?: number } = {}): PasswordHasher {
  const N = options.cost ?? 2 ** 15;
  const r = 8;
  const p = 1;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const derived = await derive(password, salt, N, r, p);
      return ['scrypt', N, r, p, salt.toString('base64url'), derived.toString('base64url')].join(
        '$',
      );
    },
    async verify(password, stored) {
      const [scheme, n, rr, pp, salt, expected] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !expected) return false;
      const expectedBytes = Buffer.from(expected, 'base64url');
      const derived = await derive(
        password,
        Buffer.from(salt, 'base64url'),
        Number(n),
        Number(rr),
        Number(pp),
      );
      return derived.length === expectedBytes.length && timingSafeEqual(derived, expectedBytes);
    },
  };
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return scryptAsync(password.normalize('NFKC'), salt, 32, { N, r, p, maxmem: 256 * N * r });
}
