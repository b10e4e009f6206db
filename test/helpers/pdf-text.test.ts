import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.ts';

describe('pdfText', () => {
  it('reads a content stream whose compressed data happens to end in a CR byte', () => {
    // About one stream in 256 ends in 0x0D; that byte is data, not the line end before endstream.
    for (let i = 0; ; i++) {
      const data = deflateSync(Buffer.from(`BT (line ${i}) Tj ET`));
      if (data.at(-1) !== 0x0d) continue;
      const pdf = Buffer.concat([
        Buffer.from('1 0 obj\nstream\n'),
        data,
        Buffer.from('\nendstream'),
      ]);
      expect(pdfText(pdf)).toBe(`line ${i}`);
      return;
    }
  });
});
