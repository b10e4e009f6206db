import type { CheckResult } from '../../credentials/index.ts';
import type { WalletCredentialView } from '../../services/wallet/add-to-wallet.ts';
import { csrfInput } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { day, statusBadge, unknownIssuer } from './wallet-list.ts';

const checkNames: Record<string, string> = {
  format: 'Readable credential',
  proof: 'Signature',
  'issuer-key': 'Issuer’s key',
  validity: 'Dates',
  status: 'Revocation',
  schema: 'Open Badges format',
  trust: 'Issuer known',
};

const outcomeWords = {
  passed: 'OK',
  failed: 'Problem',
  warning: 'Warning',
  skipped: 'Not checked',
} as const;

const receivedWords: Record<string, string> = {
  json: 'JSON file or text',
  jwt: 'VC-JWT',
  png: 'baked PNG badge',
  svg: 'baked SVG badge',
  clr: 'Comprehensive Learner Record',
  ob2: 'Open Badges 2.0 assertion',
};

function checkRow(check: CheckResult): Html {
  return html`<li><strong>${checkNames[check.check] ?? check.check}: ${outcomeWords[check.outcome]}.</strong> ${check.message}</li>`;
}

/** One credential of the wallet, verified again as the page was built. */
export function walletDetailPage(
  entry: WalletCredentialView & { content: string },
  csrfToken: string | undefined,
  notice?: string,
): Html {
  const warning = unknownIssuer(entry.verification);
  return html`<p><a href="/wallet">My wallet</a></p>
<h1>${entry.achievementName ?? 'Unnamed credential'}</h1>
${notice ? html`<div class="notice error" role="alert"><p>${notice}</p></div>` : ''}
<p>${statusBadge(entry.status)} <span class="hint">checked just now</span></p>
${warning ? html`<div class="notice" role="note"><p><strong>Warning:</strong> ${warning.message} The credential can still be genuine; check who the issuer is before relying on it.</p></div>` : ''}
<dl>
  <dt>Issued by</dt><dd>${entry.issuerName ?? 'Not named'}${entry.issuerId ? html` <span class="identifier">${entry.issuerId}</span>` : ''}</dd>
  <dt>Issued on</dt><dd>${day(entry.issuedOn) || 'Not stated'}</dd>
  ${entry.validUntil ? html`<dt>Valid until</dt><dd>${day(entry.validUntil)}${entry.source === 'issued' ? html` · <a href="/renewals">${entry.status === 'expired' ? 'Renew' : 'Renewal'}</a>` : ''}</dd>` : ''}
  <dt>How it arrived</dt><dd>${entry.source === 'issued' ? 'Issued on Skillmark' : `Imported as ${receivedWords[entry.receivedAs] ?? entry.receivedAs}`}, ${day(entry.addedAt)}</dd>
</dl>
${
  entry.skills.length > 0
    ? html`<h2>Skills</h2><ul>${entry.skills.map((s) => html`<li>${s.url && /^https?:\/\//.test(s.url) ? html`<a href="${s.url}" rel="noopener">${s.name}</a>` : s.name}</li>`)}</ul>`
    : ''
}
<h2>Checks</h2>
<ul>${entry.verification.map(checkRow)}</ul>
<details><summary>Technical detail</summary>
  <dl>${entry.verification.map((c) => html`<dt>${c.check}: ${c.outcome}</dt><dd><code>${c.detail ?? c.message}</code></dd>`)}</dl>
  <h3>The credential as received</h3>
  <pre class="secret"><code>${entry.content}</code></pre>
</details>
<p><a class="button" href="/wallet/${entry.id}/share">Share or download</a></p>
${
  entry.source === 'imported'
    ? html`<form method="post" action="/wallet/${entry.id}/remove">
  ${csrfInput(csrfToken)}
  <button class="danger" type="submit">Remove from my wallet</button>
</form>`
    : html`<p class="hint">Credentials issued on Skillmark stay in your wallet; leave them out of your portfolio if you prefer not to show them.</p>`
}`;
}
