/** The URL the committed document names as its server; clients pass their own `baseUrl`. */
export const clientPublicUrl = 'http://localhost:3000';

/** The committed form of the document: stable key order as served, two-space JSON. */
export function documentText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
