/**
 * Verifies the JWS signature of a VC-JWT (RFC 7515 §5.2) with the resolved key.
 */
import { type KeyObject, verify } from 'node:crypto';
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
  if (publicKeyMultibase) {
    // A Multikey here is Ed25519: any other algorithm cannot have been made with it.
    if (alg !== 'EdDSA' && alg !== 'Ed25519') return `algorithm ${alg} does not fit an Ed25519 key`;
    return Promise.resolve(ed25519PublicKeyObject(publicKeyMultibase));
  }
  throw new Error(`${key.verificationMethod.id} has neither publicKeyJwk nor publicKeyMultibase`);
}

/**
 * EdDSA against a Multikey, checked on a cached KeyObject without jose's WebCrypto round
 * trip. Returns undefined when the token needs jose (JSON Web Key, `crit` or `b64` header
 * parameters, RFC 7515 §4.1.11 and RFC 7797), which then applies its full rules.
 */
function verifyEd25519Directly(
  jwt: string,
  alg: string,
  key: ResolvedVerificationMethod,
): string | undefined | 'jose' {
  const { publicKeyJwk, publicKeyMultibase } = key.verificationMethod;
  if (publicKeyJwk || !publicKeyMultibase) return 'jose';
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'Invalid Compact JWS';
  const [header, payload, signature] = parts as [string, string, string];
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    return 'Invalid Compact JWS';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'Invalid Compact JWS';
  const fields = parsed as Record<string, unknown>;
  if (fields.alg !== alg || 'crit' in fields || 'b64' in fields) return 'jose';
  const valid = verify(
    null,
    Buffer.from(`${header}.${payload}`),
    ed25519PublicKeyObject(publicKeyMultibase),
    Buffer.from(signature, 'base64url'),
  );
  return valid ? undefined : 'signature verification failed';
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
    if (alg === 'EdDSA' || alg === 'Ed25519') {
      const direct = verifyEd25519Directly(jwt, alg, key);
      if (direct !== 'jose') return direct;
    }
    const publicKey = publicKeyOf(key, alg);
    if (typeof publicKey === 'string') return publicKey;
    await compactVerify(jwt, await publicKey, { algorithms: JWT_ALGORITHMS });
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}
