/**
 * Issuer signing keys: Ed25519 Multikey pairs (Data Integrity and EdDSA VC-JWT)
 * and RSA pairs (RS256 VC-JWT, OB 3.0 §8.2.4.1 requires RS256 support).
 */
import { generateKeyPairSync } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { JsonObject } from './types.ts';

/** A serialisable Ed25519 key pair in Multikey form (CID 1.0 §2.2.2). */
export interface Ed25519KeyPair {
  type: 'Multikey';
  /** Verification method id, e.g. `did:key:z6Mk…#z6Mk…` or `did:web:example.com#key-1`. */
  id: string;
  controller: string;
  publicKeyMultibase: string;
  /** Absent for verify-only keys. Keep out of logs and responses. */
  secretKeyMultibase?: string;
}

/** A serialisable RSA key pair as JWKs, for RS256 VC-JWT. */
export interface RsaKeyPair {
  type: 'JsonWebKey';
  id: string;
  controller: string;
  publicKeyJwk: JsonObject;
  privateKeyJwk?: JsonObject;
}

/** Any key this engine can sign with. */
export type SigningKey = Ed25519KeyPair | RsaKeyPair;

/**
 * Generates an Ed25519 key pair. Without `id`/`controller` the key is identified as
 * its own did:key (`did:key:<mb>#<mb>`, DID-KEY §3.1.1).
 */
export async function generateEd25519KeyPair(
  options: { id?: string; controller?: string; seed?: Uint8Array } = {},
): Promise<Ed25519KeyPair> {
  const keyPair = await Ed25519Multikey.generate({ seed: options.seed });
  const exported = await keyPair.export({ publicKey: true, secretKey: true });
  const publicKeyMultibase = keyPair.publicKeyMultibase;
  const controller = options.controller ?? `did:key:${publicKeyMultibase}`;
  return {
    type: 'Multikey',
    id: options.id ?? `${controller}#${publicKeyMultibase}`,
    controller,
    publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
  };
}

/** Generates an RSA key pair (2048-bit by default) for RS256 VC-JWT. */
export function generateRsaKeyPair(options: {
  id: string;
  controller: string;
  modulusLength?: number;
}): RsaKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: options.modulusLength ?? 2048,
  });
  return {
    type: 'JsonWebKey',
    id: options.id,
    controller: options.controller,
    publicKeyJwk: publicKey.export({ format: 'jwk' }) as JsonObject,
    privateKeyJwk: privateKey.export({ format: 'jwk' }) as JsonObject,
  };
}

/** Returns the key without its secret part, safe to publish in a DID document. */
export function publicKeyOf(key: SigningKey): SigningKey {
  if (key.type === 'Multikey') {
    const { secretKeyMultibase: _secret, ...rest } = key;
    return rest;
  }
  const { privateKeyJwk: _private, ...rest } = key;
  return rest;
}

/** Exports an Ed25519 key as an OKP JWK (RFC 8037 §2), with `d` when `secret` is true. */
export async function ed25519KeyToJwk(
  key: Ed25519KeyPair,
  options: { secret?: boolean } = {},
): Promise<JsonObject> {
  const { secretKeyMultibase, ...publicPart } = key;
  const keyPair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    ...publicPart,
    ...(options.secret && secretKeyMultibase ? { secretKeyMultibase } : {}),
  });
  const jwk: JsonObject = {
    kty: 'OKP',
    crv: 'Ed25519',
    x: Buffer.from(keyPair.publicKey).toString('base64url'),
  };
  if (options.secret && keyPair.secretKey) {
    // The multikey secret is seed ‖ public key (64 bytes); RFC 8037 `d` is the 32-byte seed.
    jwk.d = Buffer.from(keyPair.secretKey.subarray(0, 32)).toString('base64url');
  }
  return jwk;
}

/** Public JWK of any signing key (for `publicKeyJwk` or a JWKS). */
export async function publicJwkOf(key: SigningKey): Promise<JsonObject> {
  return key.type === 'Multikey' ? ed25519KeyToJwk(key) : key.publicKeyJwk;
}
