import type { PublicPortfolio } from '../../services/sharing/portfolio.ts';
import { type Html, html } from '../html.ts';

export const walletStatusLabels: Record<string, string> = {
  valid: 'Verified',
  revoked: 'Revoked',
  suspended: 'Suspended',
  expired: 'Expired',
  'not-yet-valid': 'Not valid yet',
  invalid: 'Not valid',
};

/** A learner's public e-portfolio: chosen credentials by skill, each with its status now. */
export function publicPortfolioPage(portfolio: PublicPortfolio): Html {
  return html`<h1>${portfolio.ownerName || 'E-portfolio'}</h1>
${portfolio.headline ? html`<p class="lead">${portfolio.headline}</p>` : ''}
<p>${portfolio.count} ${portfolio.count === 1 ? 'credential' : 'credentials'}, each checked just now against its issuer's signature and status.</p>
${
  portfolio.groups.length === 0
    ? html`<p>Nothing to show yet.</p>`
    : portfolio.groups.map(
        (group, index) => html`<section aria-labelledby="skill-${index}">
  <h2 id="skill-${index}">${group.url ? html`<a href="${group.url}" rel="noopener">${group.skill}</a>` : group.skill}</h2>
  <ul class="cards">${group.entries.map(
    (entry) => html`<li class="card">
    <h3><a href="${entry.url}">${entry.achievementName}</a></h3>
    <p>${entry.issuerName}${entry.issuedOn ? html` · ${entry.issuedOn.toISOString().slice(0, 10)}` : ''}</p>
    <p class="status ${entry.verified ? 'status-active' : 'status-revoked'}">${walletStatusLabels[entry.status] ?? entry.status}</p>
  </li>`,
  )}</ul>
</section>`,
      )
}`;
}
