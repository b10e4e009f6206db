/**
 * Rules for uploaded files that need no I/O: which media types may be allowed at all, how a
 * client's file name is made safe to show, and how a download names it. The type itself is
 * sniffed from the bytes (services); the client's name and content type are never trusted.
 */

/** Media types an assessment may allow, each known to `file-type` (or checked as text). None runs in a browser. */
export const uploadableMediaTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
] as const;

export type UploadableMediaType = (typeof uploadableMediaTypes)[number];

export const mediaTypeLabels: Record<UploadableMediaType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'application/zip': 'ZIP archive',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'text/plain': 'Plain text',
};

export function isUploadableMediaType(value: string): value is UploadableMediaType {
  return (uploadableMediaTypes as readonly string[]).includes(value);
}

/**
 * A file name fit for display and for Content-Disposition: the last path segment only, no
 * control or reserved characters, no leading dots, at most 120 characters. It is never used as
 * a path: files are stored under generated keys.
 */
export function sanitizeFileName(name: string): string {
  const lastSegment = name.split(/[/\\]/).at(-1) ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*;]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s_]+/, '')
    .trim()
    .slice(0, 120);
  return cleaned === '' ? 'file' : cleaned;
}

/** RFC 6266 attachment with an ASCII fallback and the UTF-8 name (RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const safe = sanitizeFileName(fileName);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The Content-Type a stored file is served with: its sniffed type; text always as UTF-8. */
export function servedContentType(mediaType: string): string {
  if (mediaType === 'text/plain') return 'text/plain; charset=utf-8';
  return isUploadableMediaType(mediaType) ? mediaType : 'application/octet-stream';
}

/**
 * Whether bytes are plain text: valid UTF-8 without NUL or other control characters than tab,
 * line feed, carriage return and form feed. `file-type` recognizes binary formats only.
 */
export function looksLikePlainText(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Multi-byte UTF-8 sequences only use bytes >= 0x80, so a byte scan finds every control character.
  const allowedControls = new Set([0x09, 0x0a, 0x0c, 0x0d]);
  return bytes.every((byte) => (byte >= 0x20 && byte !== 0x7f) || allowedControls.has(byte));
}
