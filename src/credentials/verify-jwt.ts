/**
 * Verifies the JWS signature of a VC-JWT (RFC 7515 §5.2) with the resolved key.
 */
import { compactVerify, importJWK } from 'jose';
import { describeError } from './json-helpers.ts';
import { ed25519PublicKeyFromMultibase } from './multibase.ts';
import type { JsonObject, ResolvedVerificationMethod } from './types.ts';

/** JWS algorithms accepted; `none` and HMAC are never accepted for credentials. */
export const JWT_ALGORITHMS = ['EdDSA', 'Ed25519', 'RS256', 'ES256', 'PS256'];

function jwkOf(key: ResolvedVerificationMethod): JsonObject {
  const { publicKeyJwk, publicKeyMultibase } = key.verificationMethod;
  if (publicKeyJwk) return publicKeyJwk;
  if (publicKeyMultibase) {
    const x = Buffer.from(ed25519PublicKeyFromMultibase(publicKeyMultibase)).toString('base64url');
    return { kty: 'OKP', crv: 'Ed25519', x };
  }
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
    const jwk = jwkOf(key);
    if ('d' in jwk) return 'the verification key contains private key material';
    await compactVerify(jwt, await importJWK(jwk, alg), { algorithms: JWT_ALGORITHMS });
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}
