import type { ExportFormat } from '../../services/sharing/export-credential.ts';
import type { SharingOverview } from '../../services/sharing/sharing-overview.ts';
import { csrfInput } from '../forms.ts';
import { type Html, html } from '../html.ts';

const formatLabels: Record<ExportFormat, [label: string, hint: string]> = {
  json: ['Signed credential (JSON)', 'Open Badges 3.0, exactly as the issuer signed it'],
  jwt: ['Signed credential (VC-JWT)', 'Exactly as the issuer signed it'],
  png: [
    'Badge image (PNG)',
    'The credential is baked into the image: badge sites and wallets can read it',
  ],
  svg: ['Badge image (SVG)', 'The credential is baked into the image'],
  pdf: ['Certificate to print (PDF)', 'With a QR code to the page where anyone can verify it'],
};

export type SharingPageState = { notice?: string; message?: string };

function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

function exportList(overview: SharingOverview): Html {
  return html`<ul>${overview.formats.map((format) => {
    const [label, hint] = formatLabels[format];
    return html`<li><a href="/api/v1/me/credentials/${overview.id}/export?format=${format}" download>${label}</a> <span class="hint">${hint}</span></li>`;
  })}</ul>
${
  overview.formats.includes('pdf') && !overview.publicPage
    ? html`<p class="hint">This credential was issued elsewhere and has no public page yet: downloading the certificate creates a share link for its QR code (listed below, and you can revoke it).</p>`
    : ''
}`;
}

function shareLinkList(overview: SharingOverview, csrfToken: string | undefined): Html {
  const links = overview.shareLinks;
  return html`<form method="post" action="/wallet/${overview.id}/share/links">
  ${csrfInput(csrfToken)}
  <button type="submit">Create a share link</button>
</form>
${
  links.length === 0
    ? html`<p>No share links yet. Nothing about this credential is public through a link until you create one.</p>`
    : html`<div class="table-wrap"><table>
  <caption class="visually-hidden">Share links of this credential</caption>
  <thead><tr><th scope="col">Link</th><th scope="col">Created</th><th scope="col">Views</th><th scope="col">Actions</th></tr></thead>
  <tbody>${links.map(
    (link) => html`<tr>
    <td class="identifier">${link.revokedAt ? html`<s>${link.url}</s>` : html`<a href="${link.url}">${link.url}</a>`}</td>
    <td>${dateOf(link.createdAt)}</td>
    <td>${link.views}</td>
    <td>${
      link.revokedAt
        ? html`<span class="status status-revoked">Revoked ${dateOf(link.revokedAt)}</span>`
        : html`<form class="inline-form" method="post" action="/wallet/${overview.id}/share/links/${link.id}/revoke">
      ${csrfInput(csrfToken)}
      <button class="danger" type="submit">Revoke<span class="visually-hidden"> ${link.url}</span></button>
    </form>`
    }</td>
  </tr>`,
  )}</tbody>
</table></div>`
}`;
}

function linkedInSection(overview: SharingOverview): Html {
  if (!overview.linkedIn)
    return html`<p>LinkedIn links a certification to a public page. Create a share link first, then come back here.</p>`;
  return html`<p><a class="button" href="${overview.linkedIn.url}" rel="noopener noreferrer">Add to LinkedIn profile</a></p>
<p class="hint">LinkedIn may not fill in every field. If a field is empty, copy it from here:</p>
<dl class="linkedin-fields">${overview.linkedIn.fields.map(
    (field) => html`<dt>${field.label}</dt><dd class="identifier">${field.value}</dd>`,
  )}</dl>`;
}

/** The owner's page for one credential: downloads, share links, embed snippet, LinkedIn. */
export function sharingCredentialPage(
  overview: SharingOverview,
  csrfToken: string | undefined,
  state: SharingPageState = {},
): Html {
  const { facts } = overview;
  return html`<p><a href="/wallet">My wallet</a></p>
<h1>Share and export: ${facts.achievementName}</h1>
<p class="lead">Issued by ${facts.issuerName}${facts.issuedOn ? html` on ${facts.issuedOn.toISOString().slice(0, 10)}` : ''}.</p>
${state.notice ? html`<div class="notice success" role="status">${state.notice}</div>` : ''}
${state.message ? html`<div class="notice error" role="alert">${state.message}</div>` : ''}
<section aria-labelledby="download-heading">
  <h2 id="download-heading">Download</h2>
  ${exportList(overview)}
</section>
<section aria-labelledby="links-heading">
  <h2 id="links-heading">Share links</h2>
  <p>A share link opens a public page with this credential and a live check of it, for anyone who has the link. Revoke it and the page is gone.</p>
  ${shareLinkList(overview, csrfToken)}
</section>
${
  overview.snippet
    ? html`<section aria-labelledby="embed-heading">
  <h2 id="embed-heading">Embed on your website</h2>
  <div class="field">
    <label for="embed-snippet">HTML to copy into your page or résumé</label>
    <span class="hint" id="embed-snippet-hint">A link to your newest share link, with the badge image. No script, no iframe.</span>
    <textarea id="embed-snippet" rows="4" readonly aria-describedby="embed-snippet-hint">${overview.snippet}</textarea>
  </div>
</section>`
    : ''
}
<section aria-labelledby="linkedin-heading">
  <h2 id="linkedin-heading">LinkedIn</h2>
  ${linkedInSection(overview)}
</section>
<section aria-labelledby="more-heading">
  <h2 id="more-heading">More ways to show it</h2>
  <ul>
    <li><a href="/presentations/new?credential=${overview.id}">Present it to a verifier</a> (a signed presentation with their challenge)</li>
    <li><a href="/portfolio">Choose what your public e-portfolio shows</a></li>
  </ul>
</section>`;
}
