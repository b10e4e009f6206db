/**
 * Caches of parsed key objects, keyed by the key record itself, so repeated signing
 * with one key does not re-decode multibase or re-import JWKs.
 */

import type { Ed25519MultikeyPair } from '@digitalbazaar/ed25519-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { importJWK } from 'jose';
import { CONTEXT_URLS } from './contexts/index.ts';
import { SigningError } from './errors.ts';
import { type Ed25519KeyPair, ed25519KeyToJwk, type SigningKey } from './keys.ts';

const multikeys = new WeakMap<Ed25519KeyPair, Promise<Ed25519MultikeyPair>>();
type JoseKey = Awaited<ReturnType<typeof importJWK>>;

const joseKeys = new WeakMap<SigningKey, Promise<JoseKey>>();

/** The Digital Bazaar key pair object of an Ed25519 key (cached). */
export function multikeyPairOf(key: Ed25519KeyPair): Promise<Ed25519MultikeyPair> {
  let pair = multikeys.get(key);
  if (!pair) {
    pair = Ed25519Multikey.from({ '@context': CONTEXT_URLS.multikeyV1, ...key });
    multikeys.set(key, pair);
  }
  return pair;
}

/** The JOSE signing algorithm for a key: EdDSA for Ed25519, RS256 for RSA. */
export function jwtAlgorithmOf(key: SigningKey): 'EdDSA' | 'RS256' {
  return key.type === 'Multikey' ? 'EdDSA' : 'RS256';
}

/** The private key of `key` imported for jose (cached). */
export function josePrivateKeyOf(key: SigningKey): Promise<JoseKey> {
  let imported = joseKeys.get(key);
  if (!imported) {
    imported = (async () => {
      if (key.type === 'Multikey') {
        if (!key.secretKeyMultibase) throw new SigningError(`Key ${key.id} has no secret key.`);
        return importJWK(await ed25519KeyToJwk(key, { secret: true }), 'EdDSA');
      }
      if (!key.privateKeyJwk) throw new SigningError(`Key ${key.id} has no private key.`);
      return importJWK(key.privateKeyJwk, 'RS256');
    })();
    joseKeys.set(key, imported);
  }
  return imported;
}
