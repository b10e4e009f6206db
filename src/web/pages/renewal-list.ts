import type { RenewalView } from '../../services/renewal/overview.ts';
import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type RenewalPageState = {
  notice?: string;
  message?: string;
  errors?: FieldErrors;
  /** The credential whose form the errors belong to, and what was typed. */
  credentialId?: string;
  values?: Record<string, string>;
};

const day = (iso: string) => iso.slice(0, 10);

function renewalForms(r: RenewalView, csrfToken: string | undefined, state: RenewalPageState) {
  const mine = state.credentialId === r.credentialId;
  const values = mine ? (state.values ?? {}) : {};
  const errors = mine ? state.errors : undefined;
  const parts: Html[] = [];
  if (r.routes.includes('assessment') && r.recertification)
    parts.push(html`<h3>Recertification assessment</h3>
<p>Score at least ${Math.round(r.recertification.cutScore * 100)}% on ${
      r.recertification.assessmentIds.length === 1 ? 'the assessment' : 'one of the assessments'
    }:
${r.recertification.assessmentIds.map((id, i) => html` <a href="/assessments/${id}">assessment ${i + 1}</a>`)}. Then ask us to check it.</p>
<form method="post" action="/renewals/${r.credentialId}/assessment">
  ${csrfInput(csrfToken)}
  <button type="submit">Check my recertification assessment</button>
</form>`);
  if (r.routes.includes('continuing-education') && r.recertification)
    parts.push(html`<h3>Continuing education</h3>
${
  r.pendingClaim
    ? html`<p>Your claim of ${r.pendingClaim.hours} hours (${r.pendingClaim.description}) awaits review by the issuer.</p>`
    : html`<p>Describe at least ${r.recertification.continuingEducationHours ?? 0} hours of further study; the issuer reviews it.</p>
<form method="post" action="/renewals/${r.credentialId}/continuing-education">
  ${csrfInput(csrfToken)}
  ${field({ name: 'hours', label: 'Hours', type: 'number', value: values.hours, required: true, errors })}
  ${field({ name: 'description', label: 'What you studied', value: values.description, required: true, errors })}
  ${field({ name: 'link', label: 'Link to a certificate or record', type: 'url', value: values.link, errors })}
  <button type="submit">Submit for review</button>
</form>`
}`);
  return parts;
}

/** The learner's expiring and expired credentials, and how to renew each. */
export function renewalListPage(
  renewals: RenewalView[],
  csrfToken: string | undefined,
  state: RenewalPageState = {},
): Html {
  return html`<h1>Renewals</h1>
<p>Credentials that expire soon or have expired. Expired credentials stay in your <a href="/wallet">wallet</a>, shown as expired; renewing issues a new credential that references the old one.</p>
${state.notice ? html`<div class="notice" role="status"><p>${state.notice}</p></div>` : ''}
${errorSummary(state.message, state.errors)}
${
  renewals.length === 0
    ? html`<p>Nothing to renew.</p>`
    : renewals.map(
        (r) => html`<article class="card" aria-labelledby="renewal-${r.credentialId}">
  <h2 id="renewal-${r.credentialId}">${r.achievementName}</h2>
  <p>${r.state === 'expired' ? html`<strong>Expired</strong> on ${day(r.validUntil)}` : html`Expires on ${day(r.validUntil)}`} · <a href="${r.credentialUrl}">the credential</a></p>
  ${
    r.renewedBy
      ? html`<p>Renewed: <a href="/credentials/${r.renewedBy}">the new credential</a>.</p>`
      : r.eligible
        ? renewalForms(r, csrfToken, state)
        : html`<p class="hint">${r.reason}</p>`
  }
</article>`,
      )
}`;
}
