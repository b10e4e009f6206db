/**
 * `/wallet/import`: three plain forms (upload a file, paste, give a URL), each working without
 * JavaScript, and the verification result of what was just imported.
 */
import type { CheckOutcome } from '../../credentials/index.ts';
import type { WalletCredentialView, WalletStatus } from '../../services/wallet/add-to-wallet.ts';
import type { ClrAchievement } from '../../services/wallet/import-clr.ts';
import { type Html, html } from '../html.ts';
import { type CredentialSourceState, credentialSourceForms } from './credential-source-forms.ts';

export type WalletImportState = CredentialSourceState;

export type ImportedView = { entry: WalletCredentialView; achievements?: ClrAchievement[] };

const statusWords: Record<WalletStatus, [title: string, text: string, cls: 'success' | 'error']> = {
  valid: ['Verified', 'It is authentic, unaltered and currently valid.', 'success'],
  revoked: [
    'Revoked',
    'Its issuer has revoked it. It is kept in your wallet, marked as revoked.',
    'error',
  ],
  suspended: ['Suspended', 'Its issuer has suspended it for now.', 'error'],
  expired: ['Expired', 'It was genuine, but it is past its expiry date.', 'error'],
  'not-yet-valid': ['Not valid yet', 'It only becomes valid later.', 'error'],
  invalid: [
    'Not verified',
    'It did not pass verification (see the checks below). It is kept in your wallet, marked as not verified, and never counts as verified anywhere.',
    'error',
  ],
};

const outcomeWords: Record<CheckOutcome, string> = {
  passed: 'Passed',
  failed: 'Failed',
  warning: 'Warning',
  skipped: 'Not checked',
};

const receivedAsWords: Record<WalletCredentialView['receivedAs'], string> = {
  json: 'Open Badges 3.0 credential (JSON)',
  jwt: 'Open Badges 3.0 credential (VC-JWT)',
  png: 'Baked PNG badge',
  svg: 'Baked SVG badge',
  clr: 'Comprehensive Learner Record (CLR 2.0)',
  ob2: 'Open Badges 2.0 badge',
};

function resultSection(imported: ImportedView): Html {
  const { entry, achievements } = imported;
  const [title, text, cls] = statusWords[entry.status];
  return html`<section aria-labelledby="result-heading">
<h2 id="result-heading">Imported: ${entry.achievementName ?? 'credential'}</h2>
<div class="notice ${cls}" role="status"><p><strong>${title}.</strong> ${text}</p></div>
<dl>
  <dt>Issued by</dt><dd>${entry.issuerName ?? entry.issuerId ?? 'Not stated'}</dd>
  ${entry.issuedOn ? html`<dt>Issued on</dt><dd>${entry.issuedOn.slice(0, 10)}</dd>` : ''}
  ${entry.validUntil ? html`<dt>Valid until</dt><dd>${entry.validUntil.slice(0, 10)}</dd>` : ''}
  <dt>Kind</dt><dd>${receivedAsWords[entry.receivedAs]}</dd>
</dl>
${
  achievements && achievements.length > 0
    ? html`<h3>What this record contains</h3><ul>${achievements.map(
        (a) =>
          html`<li>${a.name}${a.verified === false ? html` <span class="status status-revoked">(not verified)</span>` : ''}${a.description && a.description !== a.name ? html`<span class="hint">: ${a.description}</span>` : ''}</li>`,
      )}</ul>`
    : ''
}
<h3>Verification</h3>
<ul class="checks">${entry.verification.map(
    (check) =>
      html`<li><strong>${outcomeWords[check.outcome]}</strong>: ${check.message}${
        check.detail
          ? html`<details><summary>Technical detail</summary><p><code>${check.detail}</code></p></details>`
          : ''
      }</li>`,
  )}</ul>
<p><a href="/wallet">Go to your wallet</a> · <a href="/wallet/${entry.id}/share">Share or export this credential</a></p>
</section>`;
}

/** The import page: the last result (if any) and the three forms. */
export function walletImportPage(
  csrfToken: string | undefined,
  state: WalletImportState = {},
  imported?: ImportedView,
): Html {
  return html`<h1>Import a credential</h1>
<p class="lead">Add a credential you earned elsewhere. It is verified first and kept with the result: one that fails is marked as such, never as verified.</p>
<p class="hint">Accepted: Open Badges 3.0 credentials (JSON or VC-JWT), baked badge images (PNG or SVG), CLR 2.0 learner records, and Open Badges 2.0 badges.</p>
${imported ? resultSection(imported) : ''}
${credentialSourceForms(csrfToken, state, {
  verb: 'Import',
  fileAction: '/wallet/import/file',
  fileHint:
    'A PNG or SVG badge, or a .json or .jwt file, up to 5 MB. What it is is read from its content.',
  textAction: '/wallet/import/text',
  textRows: 10,
  url: {
    action: '/wallet/import/url',
    method: 'post',
    hint: 'An https address where the credential or badge image is published. Private and local network addresses are refused.',
  },
})}`;
}
