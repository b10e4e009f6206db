import type { InclusionProof } from '../../../services/transparency/proofs.ts';
import { type Html, html } from '../../../web/html.ts';

/** The inclusion proof shown on a credential's public page (`?proof=inclusion`). */
export function inclusionFragment(
  proofUrl: string,
  proof: InclusionProof | undefined,
  reason: string | undefined,
): Html {
  return html`<section aria-labelledby="transparency-heading">
    <h2 id="transparency-heading">Issuance log</h2>
    ${
      proof
        ? html`<p>This credential's issuance is entry ${proof.leafIndex} of the platform's public,
            append-only log (${proof.treeSize} entries${proof.head ? html`, signed ${proof.head.signedAt}` : ''}).
            Anyone can check the proof below against the signed tree head.</p>
          <pre>${JSON.stringify(proof, null, 2)}</pre>`
        : html`<p>${reason}</p>`
    }
    <p><a href="${proofUrl}">Inclusion proof as JSON</a></p>
  </section>`;
}
