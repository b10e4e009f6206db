/**
 * Multibase base58-btc helpers for Ed25519 Multikey values (CID 1.0 §2.2.2, Multikey).
 */
import { ResolutionError } from './errors.ts';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ALPHABET_INDEX = new Map([...ALPHABET].map((char, index) => [char, index]));

/** The multicodec prefix of an Ed25519 public key (0xed, varint-encoded as 0xed 0x01). */
export const ED25519_PUBLIC_KEY_PREFIX = Uint8Array.of(0xed, 0x01);

/** Decodes base58-btc text (no multibase prefix) to bytes; throws on a bad character. */
export function decodeBase58Btc(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    let carry = ALPHABET_INDEX.get(char);
    if (carry === undefined) throw new ResolutionError(`Invalid base58 character "${char}".`);
    for (let i = 0; i < bytes.length; i++) {
      carry += (bytes[i] ?? 0) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** Encodes bytes as base58-btc text (no multibase prefix); leading zero bytes become "1". */
export function encodeBase58Btc(bytes: Uint8Array): string {
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += (digits[i] ?? 0) << 8;
      digits[i] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let text = '';
  for (const byte of bytes) {
    if (byte !== 0) break;
    text += '1';
  }
  for (let i = digits.length - 1; i >= 0; i--) text += ALPHABET[digits[i] ?? 0];
  return text;
}

/**
 * Returns the raw 32-byte Ed25519 public key of a `z6Mk…` publicKeyMultibase value,
 * or throws a ResolutionError when it is not an Ed25519 Multikey.
 */
export function ed25519PublicKeyFromMultibase(publicKeyMultibase: string): Uint8Array {
  if (!publicKeyMultibase.startsWith('z')) {
    throw new ResolutionError('publicKeyMultibase must be base58-btc (start with "z").');
  }
  const bytes = decodeBase58Btc(publicKeyMultibase.slice(1));
  if (
    bytes.length !== 34 ||
    bytes[0] !== ED25519_PUBLIC_KEY_PREFIX[0] ||
    bytes[1] !== ED25519_PUBLIC_KEY_PREFIX[1]
  ) {
    throw new ResolutionError(`"${publicKeyMultibase}" is not an Ed25519 public key.`);
  }
  return bytes.slice(2);
}
