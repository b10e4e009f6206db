/**
 * Signed tree heads of the transparency log, and witnesses' cosignatures of them, as compact
 * JWS (RFC 7515) with EdDSA (RFC 8037). A JWS rather than a Data Integrity proof: a tree head
 * is not a claim about a subject, so it needs no JSON-LD context or canonicalization; any JOSE
 * library can check it, the signed bytes are exactly the payload a witness cosigns, and the
 * compact form fits on one line of the anchor text.
 */
import { CompactSign, compactVerify, importJWK } from 'jose';
import { josePrivateKeyOf } from './key-cache.ts';
import type { Ed25519KeyPair } from './keys.ts';
import { ed25519PublicKeyFromMultibase } from './multibase.ts';

/** What a head says: this log (origin) had `treeSize` leaves with this root at this time. */
export type TreeHead = {
  origin: string;
  treeSize: number;
  /** Lowercase hex SHA-256 root (RFC 9162 MTH). */
  rootHash: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
};

export const TREE_HEAD_TYPE = 'skillmark-tree-head+jws';
export const COSIGNATURE_TYPE = 'skillmark-cosignature+jws';

/** The head's canonical JSON (fixed key order): the bytes that are signed and cosigned. */
export function treeHeadPayload(head: TreeHead): string {
  const { origin, treeSize, rootHash, timestamp } = head;
  return JSON.stringify({ origin, treeSize, rootHash, timestamp });
}

async function sign(payload: string, key: Ed25519KeyPair, typ: string): Promise<string> {
  return new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.id, typ })
    .sign(await josePrivateKeyOf(key));
}

/** Signs a tree head with the log's Ed25519 key. */
export function signTreeHead(head: TreeHead, key: Ed25519KeyPair): Promise<string> {
  return sign(treeHeadPayload(head), key, TREE_HEAD_TYPE);
}

/** A witness's cosignature: its own JWS over exactly the same payload. */
export function cosignTreeHead(head: TreeHead, key: Ed25519KeyPair): Promise<string> {
  return sign(treeHeadPayload(head), key, COSIGNATURE_TYPE);
}

export type SignatureCheck =
  | { valid: true; head: TreeHead; kid: string | undefined }
  | { valid: false; reason: string };

/**
 * Verifies a head's (or a cosignature's) JWS with an Ed25519 public key (publicKeyMultibase)
 * and reads the head. Never throws.
 */
export async function verifyTreeHeadSignature(
  jws: string,
  publicKeyMultibase: string,
  type = TREE_HEAD_TYPE,
): Promise<SignatureCheck> {
  try {
    const x = Buffer.from(ed25519PublicKeyFromMultibase(publicKeyMultibase)).toString('base64url');
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x }, 'EdDSA');
    const { payload, protectedHeader } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    if (protectedHeader.typ !== type)
      return { valid: false, reason: `typ is ${String(protectedHeader.typ)}, expected ${type}` };
    const text = new TextDecoder().decode(payload);
    const head = JSON.parse(text) as TreeHead;
    if (
      typeof head.origin !== 'string' ||
      !Number.isSafeInteger(head.treeSize) ||
      head.treeSize < 0 ||
      typeof head.rootHash !== 'string' ||
      !/^[0-9a-f]{64}$/.test(head.rootHash) ||
      !Number.isSafeInteger(head.timestamp) ||
      treeHeadPayload(head) !== text
    )
      return { valid: false, reason: 'the payload is not a canonical tree head' };
    return { valid: true, head, kid: protectedHeader.kid };
  } catch (error) {
    return { valid: false, reason: (error as Error).message };
  }
}
