/**
 * Caches of imported signing keys, so repeated signing with one key does not re-decode
 * multibase or re-import JWKs. Ed25519 keys come from the KeyObject cache (keyed by the
 * key text, so copies of a key share it); RSA keys are cached per key record.
 */

import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { importJWK } from 'jose';
import { ed25519PrivateKeyObject } from './ed25519-key-objects.ts';
import { SigningError } from './errors.ts';
import type { SigningKey } from './keys.ts';

type JoseKey = Awaited<ReturnType<typeof importJWK>> | KeyObject;

const rsaKeys = new WeakMap<SigningKey, Promise<JoseKey>>();
const rsaKeyObjects = new WeakMap<SigningKey, KeyObject>();

/** The JOSE signing algorithm for a key: EdDSA for Ed25519, RS256 for RSA. */
export function jwtAlgorithmOf(key: SigningKey): 'EdDSA' | 'RS256' {
  return key.type === 'Multikey' ? 'EdDSA' : 'RS256';
}

/** The private key of `key` imported for jose (cached). */
export async function josePrivateKeyOf(key: SigningKey): Promise<JoseKey> {
  if (key.type === 'Multikey') return ed25519PrivateKeyObject(key);
  let imported = rsaKeys.get(key);
  if (!imported) {
    const jwk = key.privateKeyJwk;
    if (!jwk) throw new SigningError(`Key ${key.id} has no private key.`);
    imported = importJWK(jwk, 'RS256');
    rsaKeys.set(key, imported);
  }
  return imported;
}

/** The private key of `key` as a node:crypto KeyObject (cached), for JWS signing. */
export function privateKeyObjectOf(key: SigningKey): KeyObject {
  if (key.type === 'Multikey') return ed25519PrivateKeyObject(key);
  let keyObject = rsaKeyObjects.get(key);
  if (!keyObject) {
    if (!key.privateKeyJwk) throw new SigningError(`Key ${key.id} has no private key.`);
    keyObject = createPrivateKey({ key: key.privateKeyJwk as JsonWebKey, format: 'jwk' });
    rsaKeyObjects.set(key, keyObject);
  }
  return keyObject;
}
