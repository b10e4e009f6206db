import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA_EXISTS, SKIP_MESSAGE, STANDARDS_DIR } from '../testing/shared-data.ts';
import { BakedImageError } from './errors.ts';
import { bakePng, extractBakedPng, extractFromPng } from './png.ts';
import { ihdr, iTxt, pngChunk, pngOf, tinyPng } from './testing.ts';

const JSON_CREDENTIAL = JSON.stringify({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'urn:uuid:1',
  name: 'Ünïcode badge ✓',
});
const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxIn0.c2lnbmF0dXJl';

function refusal(run: () => unknown): BakedImageError {
  try {
    run();
  } catch (error) {
    if (error instanceof BakedImageError) return error;
    throw error;
  }
  throw new Error('expected a BakedImageError');
}

function countChunks(png: Uint8Array, keyword: string): number {
  const text = Buffer.from(png).toString('latin1');
  return text.split(`iTXt${keyword}\0`).length - 1;
}

describe.skipIf(!SHARED_DATA_EXISTS)(`1EdTech baked PNG examples (${SKIP_MESSAGE})`, () => {
  const read = (name: string) =>
    new Uint8Array(readFileSync(`${STANDARDS_DIR}examples/ob3/${name}`));

  it('simple-json.png carries the simple OB 3.0 credential as JSON', () => {
    const credential = JSON.parse(extractFromPng(read('simple-json.png')));
    const simple = JSON.parse(readFileSync(`${STANDARDS_DIR}examples/ob3/simple.json`, 'utf8'));
    // Same credential as simple.json; 1EdTech re-signed it, so only the proof differs.
    expect({ ...credential, proof: undefined }).toEqual({ ...simple, proof: undefined });
    expect(credential.proof[0]).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
    });
  });

  it('simple-jwt.png carries a compact JWT of the same credential', () => {
    const jwt = extractFromPng(read('simple-jwt.png'));
    expect(jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({
      id: 'http://example.com/credentials/3527',
      name: 'Teamwork Badge',
    });
  });

  it('re-baking an example replaces its credential chunk and round-trips', () => {
    const baked = bakePng(read('simple-json.png'), JWT);
    expect(extractFromPng(baked)).toBe(JWT);
    expect(countChunks(baked, 'openbadgecredential')).toBe(1);
  });
});

describe('bakePng / extractFromPng', () => {
  it.each([
    ['JSON', JSON_CREDENTIAL],
    ['JWT', JWT],
  ])('round-trips a %s credential', (_, credential) => {
    const baked = bakePng(tinyPng(), credential);
    expect(extractFromPng(baked)).toBe(credential);
    expect(extractBakedPng(baked).standard).toBe('ob3');
  });

  it('inserts the chunk just before IEND and replaces an existing one instead of adding a second', () => {
    const once = bakePng(tinyPng(), JSON_CREDENTIAL);
    const twice = bakePng(once, JWT);
    expect(countChunks(twice, 'openbadgecredential')).toBe(1);
    expect(extractFromPng(twice)).toBe(JWT);
    expect(Buffer.from(twice.subarray(-12, -8)).toString('latin1')).toBe('\0\0\0\0');
    expect(Buffer.from(twice.subarray(-8, -4)).toString('latin1')).toBe('IEND');
  });

  it('replaces an Open Badges 2.0 chunk too, so the image never makes two claims', () => {
    const ob2 = tinyPng(iTxt('openbadges', '{"type":"Assertion"}'));
    expect(extractBakedPng(ob2)).toEqual({ text: '{"type":"Assertion"}', standard: 'ob2' });
    const baked = bakePng(ob2, JWT);
    expect(countChunks(baked, 'openbadges')).toBe(0);
    expect(extractFromPng(baked)).toBe(JWT);
  });

  it('refuses to bake something that is neither JSON nor a compact JWT', () => {
    expect(refusal(() => bakePng(tinyPng(), 'hello')).problem).toBe('bad_credential');
  });
});

describe('crafted PNG images are refused with a clear error', () => {
  it('not a PNG', () => {
    const error = refusal(() => extractFromPng(new TextEncoder().encode('GIF89a....')));
    expect(error).toMatchObject({ code: 'baked_image_invalid', problem: 'not_png' });
    expect(error.message).toBe('This file is not a PNG image.');
  });

  it('a chunk whose CRC does not match', () => {
    const png = tinyPng(iTxt('openbadgecredential', JWT));
    const tampered = new Uint8Array(png);
    tampered[png.length - 20] = 0x21; // a byte of the JWT inside the iTXt chunk becomes '!'
    expect(refusal(() => extractFromPng(tampered)).problem).toBe('bad_crc');
  });

  it('a truncated chunk', () => {
    const png = tinyPng(iTxt('openbadgecredential', JWT));
    expect(refusal(() => extractFromPng(png.subarray(0, png.length - 30))).problem).toBe(
      'truncated',
    );
  });

  it('a chunk length pointing past the end of the file', () => {
    const png = pngOf(
      pngChunk('IHDR', ihdr(1, 1)),
      Buffer.from([0xff, 0xff, 0xff, 0xf0, 0x49, 0x44, 0x41, 0x54]),
    );
    expect(refusal(() => extractFromPng(png)).problem).toBe('truncated');
  });

  it('an image without an end chunk', () => {
    const png = pngOf(pngChunk('IHDR', ihdr(1, 1)), iTxt('openbadgecredential', JWT));
    expect(refusal(() => extractFromPng(png)).problem).toBe('truncated');
  });

  it('data after IEND', () => {
    const png = Buffer.concat([tinyPng(iTxt('openbadgecredential', JWT)), Buffer.from('<script>')]);
    expect(refusal(() => extractFromPng(png)).problem).toBe('bad_header');
  });

  it.each([
    [20000, 1],
    [1, 20000],
    [12000, 12000], // under the side limit, over 100 megapixels
  ])('huge dimensions %i × %i', (width, height) => {
    const png = pngOf(
      pngChunk('IHDR', ihdr(width, height)),
      iTxt('openbadgecredential', JWT),
      pngChunk('IEND', new Uint8Array()),
    );
    const error = refusal(() => extractFromPng(png));
    expect(error.problem).toBe('dimensions_too_large');
    expect(error.message).toContain(`${width} × ${height}`);
    expect(refusal(() => bakePng(png, JWT)).problem).toBe('dimensions_too_large');
  });

  it('more than one credential chunk', () => {
    const png = tinyPng(
      iTxt('openbadgecredential', JWT),
      iTxt('openbadgecredential', JSON_CREDENTIAL),
    );
    const error = refusal(() => extractFromPng(png));
    expect(error.problem).toBe('several_credentials');
    expect(error.message).toContain('2 credential chunks');
  });

  it('a compressed credential chunk', () => {
    const png = tinyPng(iTxt('openbadgecredential', JWT, true));
    expect(refusal(() => extractFromPng(png)).problem).toBe('compressed_credential');
  });

  it('a file over the size limit', () => {
    const png = tinyPng(iTxt('openbadgecredential', JWT));
    expect(refusal(() => extractFromPng(png, { maxBytes: 100 })).problem).toBe('too_large');
    expect(
      refusal(() => bakePng(tinyPng(), 'a'.repeat(200) + '.b.c', { maxBytes: 150 })).problem,
    ).toBe('too_large');
  });

  it('an image without a credential', () => {
    const error = refusal(() => extractFromPng(tinyPng()));
    expect(error.problem).toBe('no_credential');
    expect(error.message).toBe('This PNG image holds no baked Open Badges credential.');
  });
});
