import { type Html, html } from '../html.ts';

/** One endorsement as the public pages show it. */
export type EndorsementSummary = {
  endorser: { name: string; slug: string };
  comment: string | null;
  status: 'valid' | 'revoked' | 'suspended' | 'expired';
  credentialUrl: string;
  /** What is endorsed: the achievement itself or its issuer. */
  about?: 'achievement' | 'issuer';
};

const statusLabels = {
  valid: 'Verified',
  revoked: 'Revoked by the endorser',
  suspended: 'Suspended by the endorser',
  expired: 'Expired',
} as const;

/**
 * "Endorsed by …": each endorsing organization with the status of its EndorsementCredential.
 * Valid endorsements are third-party quality-assurance evidence (Annex I, quality assurance).
 */
export function endorsementsSection(endorsements: EndorsementSummary[] | undefined): Html | '' {
  if (!endorsements || endorsements.length === 0) return '';
  const valid = endorsements.filter((e) => e.status === 'valid');
  return html`<section aria-labelledby="endorsements-heading">
<h2 id="endorsements-heading">Endorsements</h2>
${valid.length > 0 ? html`<p><strong>Quality assurance:</strong> endorsed by ${valid.map((e) => e.endorser.name).join(', ')}.</p>` : ''}
<ul class="endorsements">${endorsements.map(
    (e) =>
      html`<li>Endorsed by <a href="/organizations/${e.endorser.slug}">${e.endorser.name}</a>${e.about === 'issuer' ? ' (the issuer)' : ''} · <a href="${e.credentialUrl}">${statusLabels[e.status]}</a>${e.comment ? html`<blockquote>${e.comment}</blockquote>` : ''}</li>`,
  )}</ul>
</section>`;
}
