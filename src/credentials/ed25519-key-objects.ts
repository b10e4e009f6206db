/**
 * node:crypto KeyObjects for Ed25519 Multikeys, imported once and reused: the multikey
 * library and jose import keys per call, which costs several times the signature itself.
 * Caches are keyed by the multibase text (not the key record) so that copies of a key,
 * e.g. one received by a worker thread, hit the same entry; both caches are bounded.
 */
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { BoundedCache } from './bounded-cache.ts';
import { SigningError } from './errors.ts';
import type { Ed25519KeyPair } from './keys.ts';
import { decodeBase58Btc, ed25519PublicKeyFromMultibase } from './multibase.ts';

// RFC 8410 DER prefixes: the key bytes follow directly, so no ASN.1 library is needed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
// Multicodec ed25519-priv (0x1300, varint 0x80 0x26) before the 32-byte seed.
const ED25519_SECRET_PREFIX = [0x80, 0x26];

const privateKeys = new BoundedCache<string, KeyObject>(1024);
const publicKeys = new BoundedCache<string, KeyObject>(4096);

function seedOf(secretKeyMultibase: string): Uint8Array {
  if (!secretKeyMultibase.startsWith('z')) {
    throw new SigningError('secretKeyMultibase must be base58-btc (start with "z").');
  }
  const bytes = decodeBase58Btc(secretKeyMultibase.slice(1));
  if (bytes[0] !== ED25519_SECRET_PREFIX[0] || bytes[1] !== ED25519_SECRET_PREFIX[1]) {
    throw new SigningError('secretKeyMultibase is not an Ed25519 secret key.');
  }
  // The Multikey secret is the 32-byte seed, optionally followed by the public key.
  if (bytes.length !== 34 && bytes.length !== 66) {
    throw new SigningError('secretKeyMultibase has the wrong length for Ed25519.');
  }
  return bytes.subarray(2, 34);
}

/** The private KeyObject of an Ed25519 Multikey pair (cached). */
export function ed25519PrivateKeyObject(key: Ed25519KeyPair): KeyObject {
  const secret = key.secretKeyMultibase;
  if (!secret) throw new SigningError(`Key ${key.id} has no secret key.`);
  let keyObject = privateKeys.get(secret);
  if (!keyObject) {
    const der = Buffer.concat([PKCS8_ED25519_PREFIX, seedOf(secret)]);
    keyObject = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    privateKeys.set(secret, keyObject);
  }
  return keyObject;
}

/** The public KeyObject of a `z6Mk…` publicKeyMultibase (cached). */
export function ed25519PublicKeyObject(publicKeyMultibase: string): KeyObject {
  let keyObject = publicKeys.get(publicKeyMultibase);
  if (!keyObject) {
    const raw = ed25519PublicKeyFromMultibase(publicKeyMultibase);
    const der = Buffer.concat([SPKI_ED25519_PREFIX, raw]);
    keyObject = createPublicKey({ key: der, format: 'der', type: 'spki' });
    publicKeys.set(publicKeyMultibase, keyObject);
  }
  return keyObject;
}

/** A Digital Bazaar compatible signer (`{ id, algorithm, sign({ data }) }`) on a KeyObject. */
export function ed25519Signer(key: Ed25519KeyPair, id: string) {
  const keyObject = ed25519PrivateKeyObject(key);
  return {
    id,
    algorithm: 'Ed25519',
    async sign({ data }: { data: Uint8Array }): Promise<Uint8Array> {
      return sign(null, data, keyObject);
    },
  };
}

/** A Digital Bazaar compatible verifier on a cached public KeyObject. */
export function ed25519Verifier(publicKeyMultibase: string, id: string) {
  const keyObject = ed25519PublicKeyObject(publicKeyMultibase);
  return {
    id,
    algorithm: 'Ed25519',
    async verify({ data, signature }: { data: Uint8Array; signature: Uint8Array }) {
      return verify(null, data, keyObject, signature);
    },
  };
}
