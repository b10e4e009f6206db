/**
 * Test-only PNG builders: a tiny valid image and raw chunks, to craft hostile inputs.
 */
import { crc32, deflateSync } from 'node:zlib';

/** One PNG chunk with a correct CRC (or the given one). */
export function pngChunk(type: string, data: Uint8Array, crc?: number): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc ?? crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The IHDR data for an 8-bit greyscale image of the given size. */
export function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  return data;
}

/** An uncompressed iTXt chunk with the given keyword and text. */
export function iTxt(keyword: string, text: string, compressed = false): Buffer {
  return pngChunk(
    'iTXt',
    Buffer.concat([
      Buffer.from(keyword, 'latin1'),
      Buffer.from([0, compressed ? 1 : 0, 0, 0, 0]),
      Buffer.from(text, 'utf8'),
    ]),
  );
}

/** PNG signature + the chunks given (no automatic IHDR/IEND). */
export function pngOf(...chunks: Uint8Array[]): Uint8Array {
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]),
  );
}

/** A valid 1×1 greyscale PNG. */
export function tinyPng(...extra: Uint8Array[]): Uint8Array {
  return pngOf(
    pngChunk('IHDR', ihdr(1, 1)),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    ...extra,
    pngChunk('IEND', new Uint8Array()),
  );
}
