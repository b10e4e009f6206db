import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA_EXISTS, SKIP_MESSAGE, STANDARDS_DIR } from '../testing/shared-data.ts';
import { BakedImageError } from './errors.ts';
import { extractFromPng } from './png.ts';
import { bakeSvg, extractBakedSvg, extractFromSvg, looksLikeSvg } from './svg.ts';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="url(#g)"/></svg>';
const JSON_CREDENTIAL = JSON.stringify({ id: 'urn:uuid:1', name: 'A <b> & "quoted" ]]> badge ✓' });
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

describe.skipIf(!SHARED_DATA_EXISTS)(`1EdTech baked SVG examples (${SKIP_MESSAGE})`, () => {
  const read = (name: string) => readFileSync(`${STANDARDS_DIR}examples/ob3/${name}`);

  it('simple-json.svg carries the same credential as simple-json.png', () => {
    const svg = read('simple-json.svg').toString('utf8');
    expect(looksLikeSvg(svg)).toBe(true);
    expect(JSON.parse(extractFromSvg(svg))).toEqual(
      JSON.parse(extractFromPng(new Uint8Array(read('simple-json.png')))),
    );
  });

  it('simple-jwt.svg carries a compact JWT in the verify attribute', () => {
    const jwt = extractFromSvg(read('simple-jwt.svg').toString('utf8'));
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({
      id: 'http://example.com/credentials/3527',
      name: 'Teamwork Badge',
    });
  });

  it('re-baking an example keeps one credential element and round-trips', () => {
    const baked = bakeSvg(read('simple-json.svg').toString('utf8'), JWT);
    expect(extractFromSvg(baked)).toBe(JWT);
    expect(baked.match(/openbadges:credential/g)).toHaveLength(1);
    expect(baked).not.toContain('<!DOCTYPE');
  });
});

describe('bakeSvg / extractFromSvg', () => {
  it.each([
    ['JSON (as CDATA, even with "]]>" inside)', JSON_CREDENTIAL],
    ['JWT (in the verify attribute)', JWT],
  ])('round-trips a %s credential', (_, credential) => {
    const baked = bakeSvg(SVG, credential);
    expect(baked).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
    expect(extractFromSvg(baked)).toBe(credential);
  });

  it('replaces an existing credential element instead of adding a second', () => {
    const twice = bakeSvg(bakeSvg(SVG, JSON_CREDENTIAL), JWT);
    expect(twice.match(/<openbadges:credential/g)).toHaveLength(1);
    expect(extractFromSvg(twice)).toBe(JWT);
  });

  it('finds the element by namespace, whatever its prefix', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential verify="${JWT}"/></svg>`;
    expect(extractFromSvg(svg)).toBe(JWT);
    const wrongNamespace = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://evil.example"><openbadges:credential verify="${JWT}"/></svg>`;
    expect(refusal(() => extractFromSvg(wrongNamespace)).problem).toBe('no_credential');
  });

  it('reads an Open Badges 2.0 assertion', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://issuer.example/a/1"><![CDATA[{"type":"Assertion"}]]></openbadges:assertion></svg>`;
    expect(extractBakedSvg(svg)).toEqual({ text: '{"type":"Assertion"}', standard: 'ob2' });
    expect(refusal(() => extractFromSvg(svg)).message).toContain('Open Badges 2.0');
  });
});

describe('crafted SVG images are refused with a clear error', () => {
  it('an external entity (XXE)', () => {
    const svg = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&xxe;</openbadges:credential></svg>`;
    const error = refusal(() => extractFromSvg(svg));
    expect(error).toMatchObject({ code: 'baked_image_invalid', problem: 'doctype_not_allowed' });
    expect(error.message).toContain('ENTITY declarations are refused');
    expect(refusal(() => bakeSvg(svg, JWT)).problem).toBe('doctype_not_allowed');
  });

  it('a billion-laughs entity expansion', () => {
    const svg = `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg>&b;</svg>`;
    expect(refusal(() => extractFromSvg(svg)).problem).toBe('doctype_not_allowed');
  });

  it('a DOCTYPE internal subset without entities', () => {
    const svg = `<!DOCTYPE svg [<!ATTLIST svg x CDATA "1">]><svg/>`;
    expect(refusal(() => extractFromSvg(svg)).message).toContain('DOCTYPE internal subset');
  });

  it('two credential elements', () => {
    const svg = `<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="${JWT}"/><g><openbadges:credential verify="${JWT}"/></g></svg>`;
    expect(refusal(() => extractFromSvg(svg))).toMatchObject({
      problem: 'several_credentials',
      message: 'The SVG image holds 2 credential elements; a baked badge holds exactly one.',
    });
  });

  it('no credential element', () => {
    expect(refusal(() => extractFromSvg(SVG)).problem).toBe('no_credential');
  });

  it('both a verify attribute and content', () => {
    const svg = `<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="${JWT}">{}</openbadges:credential></svg>`;
    expect(refusal(() => extractFromSvg(svg)).problem).toBe('bad_text');
  });

  it('malformed XML and non-SVG documents', () => {
    expect(refusal(() => extractFromSvg('<svg><g></svg>')).problem).toBe('not_svg');
    expect(refusal(() => extractFromSvg('<html><body/></html>')).problem).toBe('not_svg');
  });

  it('a document nested deeper than the parser allows', () => {
    const deep = `<svg>${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}</svg>`;
    expect(refusal(() => extractFromSvg(deep)).problem).toBe('not_svg');
    expect(refusal(() => bakeSvg(deep, JWT)).problem).toBe('not_svg');
  });

  it('a document over the size limit', () => {
    expect(refusal(() => extractFromSvg(SVG, { maxLength: 20 })).problem).toBe('too_large');
  });

  it.each([
    [
      'a script element',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'a <script> element',
    ],
    [
      'an event handler',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      'event handler attribute (onload)',
    ],
    [
      'an external image',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/x.png"/></svg>',
      'external reference',
    ],
    [
      'a javascript: link',
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><circle r="1"/></a></svg>',
      'external reference',
    ],
    [
      'a foreignObject',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>',
      'a <foreignobject> element',
    ],
    [
      'an external style',
      '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>',
      'style sheet',
    ],
    [
      'a fill pointing outside',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://x.example/p.svg#p)"/></svg>',
      'external reference in fill',
    ],
    [
      'an animated href',
      '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
      'animation of href',
    ],
    [
      'a style sheet instruction',
      '<?xml-stylesheet href="https://x.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      'instruction',
    ],
  ])('baking refuses (does not strip) %s', (_, svg, reason) => {
    const error = refusal(() => bakeSvg(svg, JWT));
    expect(error.problem).toBe('unsafe_svg');
    expect(error.message).toContain(reason);
  });

  it('baking keeps internal references and embedded raster images', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><use href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/></svg>';
    expect(extractFromSvg(bakeSvg(svg, JWT))).toBe(JWT);
  });
});
