/**
 * W3C Bitstring Status List v1.0: pure functions over the bitstring and the
 * unsigned status list credential. Bit 0 is the most significant bit of byte 0
 * (BITSTRING-STATUS-LIST §3.1 "Bitstring Generation Algorithm").
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { CONTEXT_URLS } from './contexts/index.ts';
import { StatusListError } from './errors.ts';
import type { Credential, JsonObject } from './types.ts';

/** Minimum list length: 131,072 bits (16 KiB) for herd privacy (BITSTRING-STATUS-LIST §6.1). */
export const MIN_STATUS_LIST_BITS = 131_072;

/** Largest decompressed list we accept, against GZIP bombs (16 MiB = 134M entries). */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/** Status purposes defined by BITSTRING-STATUS-LIST §2.1 that a single bit can express. */
export type StatusPurpose = 'revocation' | 'suspension';

/** Creates an all-zero bitstring of at least the minimum size (rounded up to whole bytes). */
export function createStatusList(bits: number = MIN_STATUS_LIST_BITS): Uint8Array {
  if (!Number.isInteger(bits) || bits < MIN_STATUS_LIST_BITS) {
    throw new StatusListError(`A status list needs at least ${MIN_STATUS_LIST_BITS} entries.`);
  }
  return new Uint8Array(Math.ceil(bits / 8));
}

function position(list: Uint8Array, index: number): { byte: number; mask: number } {
  if (!Number.isInteger(index) || index < 0 || index >= list.length * 8) {
    throw new StatusListError(
      `Status index ${index} is outside the list (0–${list.length * 8 - 1}).`,
    );
  }
  return { byte: index >> 3, mask: 0x80 >> (index & 7) };
}

/** Reads the bit at `index`. */
export function getStatus(list: Uint8Array, index: number): boolean {
  const { byte, mask } = position(list, index);
  return ((list[byte] ?? 0) & mask) !== 0;
}

/** Returns a copy of `list` with the bit at `index` set (true) or cleared (false). */
export function setStatus(list: Uint8Array, index: number, value: boolean): Uint8Array {
  const { byte, mask } = position(list, index);
  const copy = list.slice();
  copy[byte] = value ? (copy[byte] ?? 0) | mask : (copy[byte] ?? 0) & ~mask;
  return copy;
}

/** GZIP-compresses and multibase base64url-encodes a list (`u` prefix, no padding, §2.1 encodedList). */
export function encodeStatusList(list: Uint8Array): string {
  return `u${gzipSync(list).toString('base64url')}`;
}

/**
 * Decodes an `encodedList`. Accepts the multibase form (`u…`) and, for lists made
 * with older drafts, bare base64url. Rejects lists shorter than the minimum (§3.2 step 9).
 */
export function decodeStatusList(encodedList: string): Uint8Array {
  const base64url = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  let list: Buffer;
  try {
    list = gunzipSync(Buffer.from(base64url, 'base64url'), {
      maxOutputLength: MAX_STATUS_LIST_BYTES,
    });
  } catch (error) {
    throw new StatusListError(
      `The status list is not valid GZIP data: ${(error as Error).message}`,
    );
  }
  if (list.length * 8 < MIN_STATUS_LIST_BITS) {
    throw new StatusListError(
      `The status list has ${list.length * 8} entries, fewer than ${MIN_STATUS_LIST_BITS}.`,
    );
  }
  return new Uint8Array(list.buffer, list.byteOffset, list.length);
}

/** Inputs of {@link buildStatusListCredential}. */
export interface StatusListCredentialInput {
  /** URL where the signed status list credential will be published. */
  id: string;
  issuer: string;
  statusPurpose: StatusPurpose;
  list: Uint8Array;
  validFrom?: string;
  validUntil?: string;
}

/** Builds the unsigned BitstringStatusListCredential (BITSTRING-STATUS-LIST §2.2). */
export function buildStatusListCredential(input: StatusListCredentialInput): Credential {
  const credential: Credential = {
    '@context': [CONTEXT_URLS.credentialsV2],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.statusPurpose,
      encodedList: encodeStatusList(input.list),
    },
  };
  if (input.validFrom) credential.validFrom = input.validFrom;
  if (input.validUntil) credential.validUntil = input.validUntil;
  return credential;
}

/** Builds the `credentialStatus` entry pointing at one bit (BITSTRING-STATUS-LIST §2.1). */
export function buildStatusListEntry(input: {
  statusListCredential: string;
  statusListIndex: number;
  statusPurpose: StatusPurpose;
}): JsonObject {
  return {
    id: `${input.statusListCredential}#${input.statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: input.statusPurpose,
    statusListIndex: String(input.statusListIndex),
    statusListCredential: input.statusListCredential,
  };
}
