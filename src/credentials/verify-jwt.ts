/**
 * Verifies the JWS signature of a VC-JWT (RFC 7515 §5.2) with the resolved key.
 */
import type { KeyObject } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { BoundedCache } from './bounded-cache.ts';
import { ed25519PublicKeyObject } from './ed25519-key-objects.ts';
import { describeError } from './json-helpers.ts';
import type { ResolvedVerificationMethod } from './types.ts';

type JoseKey = Awaited<ReturnType<typeof importJWK>> | KeyObject;

// Importing a JWK costs more than verifying an Ed25519 signature: keep imported keys.
const jwkKeys = new BoundedCache<string, Promise<JoseKey>>(1024);

/** JWS algorithms accepted; `none` and HMAC are never accepted for credentials. */
export const JWT_ALGORITHMS = ['EdDSA', 'Ed25519', 'RS256', 'ES256', 'PS256'];

/** The public key to verify with: a cached KeyObject for Multikeys, an imported JWK otherwise. */
function publicKeyOf(key: ResolvedVerificationMethod, alg: string): Promise<JoseKey> | string {
  const { publicKeyJwk, publicKeyMultibase } = key.verificationMethod;
  if (publicKeyJwk) {
    if ('d' in publicKeyJwk) return 'the verification key contains private key material';
    const cacheKey = `${alg} ${JSON.stringify(publicKeyJwk)}`;
    let imported = jwkKeys.get(cacheKey);
    if (!imported) {
      imported = importJWK(publicKeyJwk, alg);
      // A failed import is not kept: the next call reports the error again.
      imported.catch(() => jwkKeys.delete(cacheKey));
      jwkKeys.set(cacheKey, imported);
    }
    return imported;
  }
  if (publicKeyMultibase) return Promise.resolve(ed25519PublicKeyObject(publicKeyMultibase));
  throw new Error(`${key.verificationMethod.id} has neither publicKeyJwk nor publicKeyMultibase`);
}

/** Verifies `jwt` with `key`; returns an error description or undefined when valid. */
export async function verifyJwtSignature(
  jwt: string,
  alg: unknown,
  key: ResolvedVerificationMethod,
): Promise<string | undefined> {
  try {
    if (typeof alg !== 'string' || !JWT_ALGORITHMS.includes(alg))
      return `algorithm ${String(alg)} is not accepted`;
    const publicKey = publicKeyOf(key, alg);
    if (typeof publicKey === 'string') return publicKey;
    await compactVerify(jwt, await publicKey, { algorithms: JWT_ALGORITHMS });
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}
