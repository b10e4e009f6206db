/**
 * Default badge images for baked exports. The achievement's own image is remote and is never
 * fetched (no request on a learner's behalf, nothing to sanitize), so we draw a clean badge.
 */
import { crc32, deflateSync } from 'node:zlib';

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Splits a name into at most `maxLines` lines of about `width` characters, on word breaks. */
function wrap(value: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
    return kept;
  }
  return lines.map((l) => (l.length > width + 6 ? `${l.slice(0, width + 5)}…` : l));
}

/** A round badge with the achievement's name and its issuer, as a standalone SVG document. */
export function renderBadgeSvg(args: { achievementName: string; issuerName: string }): string {
  const name = wrap(args.achievementName, 18, 3);
  const issuer = wrap(args.issuerName, 26, 2);
  const nameTop = 236 - (name.length - 1) * 15;
  const nameLines = name
    .map(
      (line, i) =>
        `<text x="256" y="${nameTop + i * 30}" font-size="26" font-weight="700" fill="#ffffff">${escapeXml(line)}</text>`,
    )
    .join('');
  const issuerLines = issuer
    .map(
      (line, i) =>
        `<text x="256" y="${336 + i * 22}" font-size="18" fill="#dbe7ff">${escapeXml(line)}</text>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512" role="img" aria-label="${escapeXml(`${args.achievementName}, issued by ${args.issuerName}`)}">
<title>${escapeXml(args.achievementName)}</title>
<circle cx="256" cy="256" r="248" fill="#c9a227"/>
<circle cx="256" cy="256" r="228" fill="#1d3f7a"/>
<circle cx="256" cy="256" r="212" fill="none" stroke="#c9a227" stroke-width="4"/>
<g font-family="Helvetica, Arial, sans-serif" text-anchor="middle">
<text x="256" y="150" font-size="18" letter-spacing="4" fill="#c9a227">CERTIFIED</text>
${nameLines}
<line x1="176" y1="300" x2="336" y2="300" stroke="#c9a227" stroke-width="2"/>
${issuerLines}
</g>
</svg>
`;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** A five-pointed star around (cx, cy): its ten corners, outer and inner radius alternating. */
function starCorners(
  cx: number,
  cy: number,
  outer: number,
  inner: number,
): Array<[number, number]> {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
}

/** Even-odd rule: whether (x, y) is inside the polygon. */
function inside(x: number, y: number, polygon: Array<[number, number]>): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A round medal (gold ring, blue face, gold star) as an RGBA PNG of `size`² pixels with a transparent
 * background: IHDR, one IDAT of deflated scanlines (filter 0), IEND (PNG §11.2).
 */
export function renderBadgePng(size = 256): Uint8Array {
  const rowLength = 1 + size * 4;
  const raw = Buffer.alloc(rowLength * size);
  const centre = (size - 1) / 2;
  const outer = size * 0.48;
  const face = size * 0.44;
  const innerRing = [size * 0.405, size * 0.415];
  const star = starCorners(centre, centre * 1.04, size * 0.26, size * 0.105);
  for (let y = 0; y < size; y++) {
    const row = y * rowLength;
    raw[row] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - centre, y - centre);
      const at = row + 1 + x * 4;
      let rgba: [number, number, number, number] = [0, 0, 0, 0];
      if (d <= outer) rgba = [0xc9, 0xa2, 0x27, 0xff];
      if (d <= face) rgba = [0x1d, 0x3f, 0x7a, 0xff];
      if (d >= innerRing[0]! && d <= innerRing[1]!) rgba = [0xc9, 0xa2, 0x27, 0xff];
      if (inside(x + 0.5, y + 0.5, star)) rgba = [0xc9, 0xa2, 0x27, 0xff];
      raw[at] = rgba[0];
      raw[at + 1] = rgba[1];
      raw[at + 2] = rgba[2];
      raw[at + 3] = rgba[3];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  return new Uint8Array(
    Buffer.concat([
      pngSignature,
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}
