/** The public verifier's address for a credential published at `url` (what a PDF's QR opens). */
export function verifyLinkOf(publicUrl: string, url: string): string {
  return `${publicUrl}/verify?url=${encodeURIComponent(url)}`;
}
