/**
 * `/wallet/import`: three plain forms (upload a file, paste, give a URL), each working without
 * JavaScript, and the verification result of what was just imported.
 */
import type { CheckOutcome } from '../../credentials/index.ts';
import type { WalletCredentialView, WalletStatus } from '../../services/wallet/add-to-wallet.ts';
import type { ClrAchievement } from '../../services/wallet/import-clr.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { textArea, textInput } from './form-controls.ts';

export type WalletImportState = {
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
  /** Which form the message belongs to. */
  form?: 'file' | 'text' | 'url';
};

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
  const values = state.values ?? {};
  const errorsOf = (form: WalletImportState['form']) =>
    state.form === form ? state.errors : undefined;
  const summaryOf = (form: WalletImportState['form']) =>
    state.form === form ? errorSummary(state.message, state.errors) : '';
  const fileError = errorsOf('file')?.file;
  return html`<h1>Import a credential</h1>
<p class="lead">Add a credential you earned elsewhere. It is verified first and kept with the result: one that fails is marked as such, never as verified.</p>
<p class="hint">Accepted: Open Badges 3.0 credentials (JSON or VC-JWT), baked badge images (PNG or SVG), CLR 2.0 learner records, and Open Badges 2.0 badges.</p>
${imported ? resultSection(imported) : ''}
<section aria-labelledby="file-heading">
<h2 id="file-heading">Upload a file</h2>
${summaryOf('file')}
<form class="stack" method="post" action="/wallet/import/file" enctype="multipart/form-data" aria-labelledby="file-heading" novalidate>
  ${csrfInput(csrfToken)}
  <div class="field">
    <label for="field-file">Badge image or credential file</label>
    <span class="hint" id="field-file-hint">A PNG or SVG badge, or a .json or .jwt file, up to 5 MB. What it is is read from its content.</span>
    ${fileError ? html`<span class="field-error" id="field-file-error">${fileError}</span>` : ''}
    <input id="field-file" name="file" type="file" accept=".png,.svg,.json,.jwt,.txt,image/png,image/svg+xml,application/json" aria-describedby="field-file-hint${fileError ? ' field-file-error' : ''}"${fileError ? html` aria-invalid="true"` : ''}>
  </div>
  <div><button type="submit">Import the file</button></div>
</form>
</section>
<section aria-labelledby="text-heading">
<h2 id="text-heading">Paste a credential</h2>
${summaryOf('text')}
<form class="stack wide" method="post" action="/wallet/import/text" aria-labelledby="text-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${textArea({ name: 'text', label: 'Credential', values, errors: errorsOf('text'), rows: 10, required: true, hint: 'The JSON, the VC-JWT, or the SVG source of a badge.' })}
  <div><button type="submit">Import the pasted credential</button></div>
</form>
</section>
<section aria-labelledby="url-heading">
<h2 id="url-heading">Import from a web address</h2>
${summaryOf('url')}
<form class="stack" method="post" action="/wallet/import/url" aria-labelledby="url-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${textInput({ name: 'url', label: 'Web address', type: 'url', inputMode: 'url', values, errors: errorsOf('url'), required: true, hint: 'An https address where the credential or badge image is published. Private and local network addresses are refused.' })}
  <div><button type="submit">Import from the address</button></div>
</form>
</section>`;
}
