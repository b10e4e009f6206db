import { describe, expect, it } from 'vitest';
import { detectBytes, detectText, ImportRefusal } from './import-detect.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown) => `${b64({ alg: 'EdDSA' })}.${b64(payload)}.c2ln`;
const vc = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
};

describe('detecting what an import is', () => {
  it.each([
    ['OB 3.0 JSON', JSON.stringify(vc), 'json'],
    ['VC-JWT (JOSE, credential as payload)', jwt(vc), 'jwt'],
    ['VC-JWT (VC 1.1 style, in "vc")', jwt({ iss: 'x', vc }), 'jwt'],
    [
      'CLR 2.0 JSON',
      JSON.stringify({ ...vc, type: ['VerifiableCredential', 'ClrCredential'] }),
      'clr',
    ],
    ['CLR 2.0 JWT', jwt({ ...vc, type: ['VerifiableCredential', 'ClrCredential'] }), 'clr'],
    [
      'OB 2.0 JSON',
      JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' }),
      'ob2',
    ],
    [
      'OB 2.0 JWS',
      jwt({
        type: 'Assertion',
        badge: 'https://b',
        recipient: {},
        verification: { type: 'signed' },
      }),
      'ob2',
    ],
  ])('%s', (_, text, receivedAs) => {
    expect(detectText(`\uFEFF  ${text}\n`)).toEqual({ content: text, receivedAs });
  });

  it('an SVG badge is opened and named svg; its content is the credential inside', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${JSON.stringify(vc)}]]></openbadges:credential></svg>`;
    expect(detectBytes(new TextEncoder().encode(svg))).toEqual({
      content: JSON.stringify(vc),
      receivedAs: 'svg',
    });
  });

  it.each([
    ['', 'the input is empty'],
    ['https://example.org/badge.json', 'import it by URL'],
    ['<html></html>', 'not an SVG badge image'],
    [JSON.stringify({ ...vc, type: ['VerifiablePresentation'] }), 'a presentation'],
    ['[1, 2]', 'not an object'],
    ['a.b.c', 'payload is not JSON'],
  ])('%j is refused', (text, reason) => {
    expect(() => detectText(text)).toThrow(ImportRefusal);
    expect(() => detectText(text)).toThrow(reason);
  });

  it('binary that is not PNG or SVG is refused', () => {
    expect(() => detectBytes(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toThrow(
      'Only PNG and SVG',
    );
    expect(() => detectBytes(new Uint8Array([0xc3, 0x28, 0xff]))).toThrow('neither text nor');
  });
});
