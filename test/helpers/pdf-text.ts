import { inflateSync } from 'node:zlib';

/**
 * The text a PDF draws, for assertions: every stream is inflated where it is Flate-encoded, and
 * the strings shown with Tj (hex `<…>` as pdf-lib writes them, or literal `(…)`) are decoded.
 * Good enough for pdf-lib's output with standard fonts; not a general PDF parser.
 */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const lines: string[] = [];
  // The end-of-line before `endstream` may be CRLF or LF, and compressed data may itself end in a
  // CR byte (one stream in 256), so the CR is only taken as a line end when inflating fails with it.
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\nendstream/g)) {
    const body = match[1]!;
    const content =
      inflated(body) ?? (body.endsWith('\r') ? inflated(body.slice(0, -1)) : undefined) ?? body;
    for (const shown of content.matchAll(/(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))\s*Tj/g)) {
      const token = shown[1]!;
      lines.push(
        token.startsWith('<')
          ? Buffer.from(token.slice(1, -1).replace(/\s+/g, ''), 'hex').toString('latin1')
          : token.slice(1, -1).replace(/\\(.)/g, '$1'),
      );
    }
  }
  return lines.join('\n');
}

function inflated(data: string): string | undefined {
  try {
    return inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
  } catch {
    return undefined;
  }
}

/** The URIs of link annotations (`/URI (…)`), which stay plain text without object streams. */
export function pdfLinks(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  return [...raw.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map((m) =>
    m[1]!.replace(/\\(.)/g, '$1'),
  );
}
