/**
 * `/verify`: anyone checks a credential by file, pasted text or web address, and reads the
 * result in plain words — the verdict, what the credential says, then each check with its
 * technical detail one click away (`<details>`, no JavaScript). The result can be downloaded
 * as a PDF or JSON report.
 */
import type { ReportItem } from '../../domain/verification-report/wording.ts';
import type { CredentialReport, VerificationReport } from '../../services/verification/report.ts';
import { csrfInput } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { type CredentialSourceState, credentialSourceForms } from './credential-source-forms.ts';

export type VerifyPageState = CredentialSourceState;

/** The last verification: its report and the text verified (for the report downloads). */
export type VerifyResultView = { report: VerificationReport; content: string };

const receivedAsWords: Record<string, string> = {
  json: 'Open Badges 3.0 credential (JSON)',
  jwt: 'Open Badges 3.0 credential (VC-JWT)',
  png: 'Baked PNG badge',
  svg: 'Baked SVG badge',
  clr: 'Comprehensive Learner Record (CLR 2.0)',
  ob2: 'Open Badges 2.0 badge',
  presentation: 'Verifiable presentation',
};

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

function checkItem(item: ReportItem): Html {
  return html`<li class="check check-${item.tone}">
  <p><strong class="check-label">${item.label}</strong> · <strong>${item.title}</strong>: ${item.message}</p>
  ${
    item.detail || item.question
      ? html`<details><summary>Technical detail<span class="visually-hidden"> of ${item.title.toLowerCase()}</span></summary>
    ${item.question ? html`<p class="hint">What this checks: ${item.question}</p>` : ''}
    <p>Check <code>${item.check}</code>, outcome <code>${item.outcome}</code>${item.detail ? html`: <code class="detail">${item.detail}</code>` : ''}</p>
  </details>`
      : ''
  }
</li>`;
}

function credentialSection(
  report: CredentialReport,
  headingId: string,
  heading: string,
  withVerdict: boolean,
): Html {
  const summary = report.summary;
  return html`<section aria-labelledby="${headingId}">
<h3 id="${headingId}">${heading}</h3>
${withVerdict ? html`<div class="notice ${report.tone}"><p><strong>${report.headline}.</strong> ${report.explanation}</p></div>` : ''}
${
  summary
    ? html`<dl>
  <dt>Credential</dt><dd>${summary.name}</dd>
  <dt>Issued by</dt><dd>${summary.issuer.name}${summary.issuer.id && summary.issuer.id !== summary.issuer.name ? html` <span class="hint">(${summary.issuer.id})</span>` : ''}</dd>
  ${summary.subject ? html`<dt>Issued to</dt><dd>${summary.subject}</dd>` : ''}
  ${summary.validFrom ? html`<dt>Valid from</dt><dd>${day(summary.validFrom)}</dd>` : ''}
  <dt>Valid until</dt><dd>${summary.validUntil ? day(summary.validUntil) : 'No end date'}</dd>
</dl>`
    : ''
}
<ul class="checks">${report.checks.map(checkItem)}</ul>
</section>`;
}

function resultSection(result: VerifyResultView, csrfToken: string | undefined): Html {
  const { report } = result;
  return html`<section aria-labelledby="result-heading" class="verify-result">
<h2 id="result-heading">Result: ${report.headline}</h2>
<div class="notice ${report.tone}" role="status"><p><strong>${report.headline}.</strong> ${report.explanation}</p></div>
<p class="hint">${receivedAsWords[report.receivedAs] ?? report.receivedAs}, checked ${report.checkedAt.slice(0, 16).replace('T', ' ')} UTC.</p>
${
  report.kind === 'presentation'
    ? html`${credentialSection(report, 'presentation-heading', 'The presentation', false)}${(report.credentials ?? []).map((entry, index) => credentialSection(entry, `credential-${index + 1}-heading`, `Credential ${index + 1}: ${entry.summary?.name ?? 'unreadable'}`, true))}`
    : credentialSection(report, 'checks-heading', 'The credential and its checks', false)
}
<form method="post" action="/verify/report" class="actions">
  ${csrfInput(csrfToken)}
  <input type="hidden" name="content" value="${result.content}">
  <button type="submit" name="format" value="pdf">Download PDF report</button>
  <button type="submit" name="format" value="json" class="secondary">Download JSON report</button>
</form>
</section>`;
}

/** The verify page: the last result (if any), then the three ways to give a credential. */
export function verifyPage(
  csrfToken: string | undefined,
  state: VerifyPageState = {},
  result?: VerifyResultView,
): Html {
  return html`<h1>Verify a credential</h1>
<p class="lead">Check in seconds that a digital credential is genuine, unchanged, still valid and from an issuer you can trust. Nothing you check is stored.</p>
<p class="hint">Accepted: Open Badges 3.0 credentials (JSON or VC-JWT), baked badge images (PNG or SVG), CLR 2.0 records, Open Badges 2.0 badges, and verifiable presentations. A certificate’s QR code opens this page with its result.</p>
${result ? resultSection(result, csrfToken) : ''}
${credentialSourceForms(csrfToken, state, {
  verb: 'Verify',
  fileAction: '/verify/file',
  fileHint: 'A PNG or SVG badge, or a .json or .jwt file, up to 5 MB.',
  textAction: '/verify/text',
  textRows: 8,
  url: {
    action: '/verify',
    method: 'get',
    hint: 'Where the credential or badge image is published (https), or its page on this platform. Private and local network addresses are refused.',
  },
})}`;
}
