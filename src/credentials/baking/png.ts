/**
 * Baked PNG badges (OB 3.0 §5.3.1 "PNG"): the credential travels in an `iTXt` chunk with the
 * keyword `openbadgecredential`, uncompressed, whose text is the credential JSON or the compact
 * JWT. Open Badges 2.0 used the keyword `openbadges` the same way; it is read for import and
 * removed on baking so an image never carries two different claims.
 *
 * Pure: bytes in, bytes out. Every chunk's length and CRC is checked, the image header's
 * dimensions are bounded (a decompression bomb never reaches a decoder), and an image with more
 * than one credential chunk is refused rather than guessed at.
 */
import { crc32 } from 'node:zlib';
import { assertBakeableCredential, BakedImageError } from './errors.ts';

/** OB 3.0 §5.3.1. */
export const OB3_PNG_KEYWORD = 'openbadgecredential';
/** Open Badges 2.0 baking keyword (read on import, removed on baking). */
export const OB2_PNG_KEYWORD = 'openbadges';

/** Limits applied to every PNG read or written. */
export interface PngLimits {
  /** Largest file in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Largest width or height in pixels (default 16384). */
  maxDimension?: number;
  /** Largest width × height (default 100 megapixels). */
  maxPixels?: number;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const DEFAULTS: Required<PngLimits> = {
  maxBytes: 10 * 1024 * 1024,
  maxDimension: 16384,
  maxPixels: 100_000_000,
};
const TEXT_CHUNKS = new Set(['iTXt', 'tEXt', 'zTXt']);

interface Chunk {
  type: string;
  /** The whole chunk: length, type, data and CRC. */
  bytes: Uint8Array;
  data: Uint8Array;
}

/** Whether `bytes` starts with the PNG signature (for sniffing uploads). */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, i) => bytes[i] === byte);
}

function readChunks(png: Uint8Array, limits: PngLimits): Chunk[] {
  const { maxBytes, maxDimension, maxPixels } = { ...DEFAULTS, ...limits };
  if (!isPng(png)) throw new BakedImageError('not_png', 'This file is not a PNG image.');
  if (png.length > maxBytes)
    throw new BakedImageError('too_large', `The PNG image is larger than ${maxBytes} bytes.`);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let offset = SIGNATURE.length;
  while (offset < png.length) {
    if (offset + 12 > png.length)
      throw new BakedImageError('truncated', 'The PNG image is truncated (a chunk is cut short).');
    const length = view.getUint32(offset);
    // PNG §5.3: a chunk length is at most 2^31 - 1.
    if (length > 0x7fffffff || offset + 12 + length > png.length)
      throw new BakedImageError('truncated', 'The PNG image is truncated (a chunk is cut short).');
    const typeBytes = png.subarray(offset + 4, offset + 8);
    const type = String.fromCharCode(...typeBytes);
    if (!/^[A-Za-z]{4}$/.test(type))
      throw new BakedImageError('bad_header', 'The PNG image has a chunk with an invalid type.');
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (
      crc32(png.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)
    )
      throw new BakedImageError(
        'bad_crc',
        `The PNG image is corrupt: the checksum of its ${type} chunk does not match.`,
      );
    chunks.push({ type, data, bytes: png.subarray(offset, offset + 12 + length) });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (offset !== png.length)
    throw new BakedImageError('bad_header', 'The PNG image has data after its end (IEND) chunk.');
  checkHeader(chunks, maxDimension, maxPixels);
  return chunks;
}

function checkHeader(chunks: Chunk[], maxDimension: number, maxPixels: number): void {
  const header = chunks[0];
  if (header?.type !== 'IHDR' || header.data.length !== 13)
    throw new BakedImageError('bad_header', 'The PNG image does not start with a valid header.');
  if (chunks.at(-1)?.type !== 'IEND')
    throw new BakedImageError('truncated', 'The PNG image is truncated (it has no end chunk).');
  const view = new DataView(header.data.buffer, header.data.byteOffset, 13);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  if (width === 0 || height === 0)
    throw new BakedImageError('bad_header', 'The PNG image has a zero width or height.');
  if (width > maxDimension || height > maxDimension || width * height > maxPixels)
    throw new BakedImageError(
      'dimensions_too_large',
      `The PNG image is too large (${width} × ${height} pixels; at most ${maxDimension} per side and ${maxPixels / 1e6} megapixels).`,
    );
}

/** The keyword of a text chunk (Latin-1, up to the first NUL), or undefined. */
function keywordOf(chunk: Chunk): string | undefined {
  if (!TEXT_CHUNKS.has(chunk.type)) return undefined;
  const end = chunk.data.indexOf(0);
  return end < 0 ? undefined : String.fromCharCode(...chunk.data.subarray(0, end));
}

/** PNG §11.3.4.5 iTXt: keyword \0 flag method language \0 translated \0 text (UTF-8). */
function iTxtText(chunk: Chunk): string {
  const bytes = chunk.data;
  const keywordEnd = bytes.indexOf(0);
  const compressed = bytes[keywordEnd + 1];
  if (chunk.type !== 'iTXt' || compressed !== 0)
    throw new BakedImageError(
      'compressed_credential',
      'The badge credential must be stored in an uncompressed iTXt chunk (OB 3.0 §5.3.1).',
    );
  const languageEnd = bytes.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : bytes.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0)
    throw new BakedImageError('bad_text', 'The badge credential chunk is malformed.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(translatedEnd + 1));
  } catch (error) {
    throw new BakedImageError('bad_text', 'The badge credential is not valid UTF-8 text.', {
      cause: error,
    });
  }
}

/** What a PNG carries: the credential text and which baking standard put it there. */
export interface BakedPngContent {
  text: string;
  standard: 'ob3' | 'ob2';
}

/**
 * Reads the baked credential of a PNG: OB 3.0 (`openbadgecredential`) first, else an
 * Open Badges 2.0 assertion (`openbadges`). Throws BakedImageError for a malformed or crafted
 * image, several credential chunks, or none.
 */
export function extractBakedPng(png: Uint8Array, limits: PngLimits = {}): BakedPngContent {
  const chunks = readChunks(png, limits);
  for (const [keyword, standard] of [
    [OB3_PNG_KEYWORD, 'ob3'],
    [OB2_PNG_KEYWORD, 'ob2'],
  ] as const) {
    const found = chunks.filter((chunk) => keywordOf(chunk) === keyword);
    if (found.length > 1)
      throw new BakedImageError(
        'several_credentials',
        `The PNG image holds ${found.length} credential chunks; a baked badge holds exactly one.`,
      );
    const [only] = found;
    if (only) {
      const text = iTxtText(only).trim();
      if (!text) throw new BakedImageError('no_credential', 'The badge credential chunk is empty.');
      return { text, standard };
    }
  }
  throw new BakedImageError(
    'no_credential',
    'This PNG image holds no baked Open Badges credential.',
  );
}

/**
 * Returns the Open Badges 3.0 credential baked into a PNG (the JSON or the compact JWT).
 * Throws BakedImageError when there is none, several, or the image is malformed.
 */
export function extractFromPng(png: Uint8Array, limits: PngLimits = {}): string {
  const content = extractBakedPng(png, limits);
  if (content.standard !== 'ob3')
    throw new BakedImageError(
      'no_credential',
      'This PNG image holds an Open Badges 2.0 assertion, not an Open Badges 3.0 credential.',
    );
  return content.text;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Bakes a credential (JSON text or compact JWT) into a PNG per OB 3.0 §5.3.1: one uncompressed
 * `iTXt` chunk `openbadgecredential`, inserted before IEND. Any credential chunk already there
 * (OB 3.0 or 2.0) is replaced, never kept beside the new one. The image is validated first.
 */
export function bakePng(png: Uint8Array, credential: string, limits: PngLimits = {}): Uint8Array {
  const text = assertBakeableCredential(credential);
  const kept = readChunks(png, limits).filter((c) => {
    const keyword = keywordOf(c);
    return keyword !== OB3_PNG_KEYWORD && keyword !== OB2_PNG_KEYWORD;
  });
  const encoder = new TextEncoder();
  const keyword = encoder.encode(OB3_PNG_KEYWORD);
  const body = encoder.encode(text);
  // keyword \0, compression flag 0, method 0, empty language \0, empty translated keyword \0.
  const data = new Uint8Array(keyword.length + 5 + body.length);
  data.set(keyword, 0);
  data.set(body, keyword.length + 5);
  const parts = [SIGNATURE, ...kept.slice(0, -1).map((c) => c.bytes), chunk('iTXt', data)];
  parts.push(kept.at(-1)?.bytes ?? chunk('IEND', new Uint8Array()));
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  const maxBytes = limits.maxBytes ?? DEFAULTS.maxBytes;
  if (out.length > maxBytes)
    throw new BakedImageError('too_large', `The baked PNG would be larger than ${maxBytes} bytes.`);
  return out;
}
