import type { IssuedCredentialSummary } from '../../services/credentials/list-issued.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';

const formatLabels: Record<string, string> = {
  'eddsa-rdfc-2022': 'Data Integrity (eddsa-rdfc-2022)',
  'eddsa-jcs-2022': 'Data Integrity (eddsa-jcs-2022)',
  'vc-jwt': 'VC-JWT',
};

const statusLabels = { active: 'Active', suspended: 'Suspended', revoked: 'Revoked' } as const;

export type IssuedCredentialsState = {
  notice?: string;
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
};

function recipientOf(credential: IssuedCredentialSummary): string {
  if (!credential.recipient) return 'Not recorded';
  return 'email' in credential.recipient ? credential.recipient.email : credential.recipient.did;
}

function dateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The reason input's name is per row, so an error lands next to the row it belongs to. */
export function reasonField(credentialId: string): string {
  return `reason-${credentialId}`;
}

function actions(
  slug: string,
  credential: IssuedCredentialSummary,
  csrfToken: string | undefined,
  state: IssuedCredentialsState,
): Html | string {
  if (credential.status === 'revoked') return html`<span class="hint">Revoked for good</span>`;
  const name = reasonField(credential.id);
  const id = `field-${name}`;
  const error = state.errors?.[name];
  const who = `${credential.achievementName ?? 'credential'} of ${recipientOf(credential)}`;
  return html`<form class="row-actions" method="post" action="/organizations/${slug}/credentials/${credential.id}/status" novalidate>
  ${csrfInput(csrfToken)}
  <label for="${id}">Reason<span class="visually-hidden"> for ${who}</span></label>
  ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}
  <input id="${id}" name="reason" value="${state.values?.[name] ?? ''}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
  <span class="buttons">
    <button class="danger" type="submit" name="action" value="revoke">Revoke<span class="visually-hidden"> ${who}</span></button>
    ${
      credential.suspendable
        ? credential.status === 'suspended'
          ? html`<button class="secondary" type="submit" name="action" value="unsuspend">Reinstate<span class="visually-hidden"> ${who}</span></button>`
          : html`<button class="secondary" type="submit" name="action" value="suspend">Suspend<span class="visually-hidden"> ${who}</span></button>`
        : ''
    }
  </span>
</form>`;
}

/** What an organization issued lately, with revoke, suspend and reinstate per credential. */
export function issuedCredentialsPage(
  organization: { slug: string; name: string },
  credentials: IssuedCredentialSummary[],
  csrfToken: string | undefined,
  state: IssuedCredentialsState = {},
): Html {
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>Issued credentials</h1>
<p>The latest ${credentials.length === 100 ? '100 ' : ''}credentials ${organization.name} issued, newest first.
Revoking is permanent; a suspended credential can be reinstated. The reason is kept in the audit log, never published.</p>
${state.notice ? html`<div class="notice success" role="status">${state.notice}</div>` : ''}
${errorSummary(state.message, state.errors)}
${
  credentials.length === 0
    ? html`<p>Nothing has been issued yet. Award an achievement from its page under <a href="/organizations/${organization.slug}/achievements">Achievements</a>.</p>`
    : html`<div class="table-wrap"><table>
  <caption class="visually-hidden">Credentials issued by ${organization.name}</caption>
  <thead><tr><th scope="col">Achievement</th><th scope="col">Recipient</th><th scope="col">Issued</th><th scope="col">Format</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
  <tbody>${credentials.map(
    (credential) =>
      html`<tr>
  <td><a href="/credentials/${credential.id}">${credential.achievementName ?? 'Credential'}</a></td>
  <td class="recipient">${recipientOf(credential)}</td>
  <td>${dateOf(credential.issuedAt)}${credential.validUntil ? html`<br><span class="hint">until ${dateOf(credential.validUntil)}</span>` : ''}</td>
  <td>${formatLabels[credential.format] ?? credential.format}</td>
  <td><span class="status status-${credential.status}">${statusLabels[credential.status]}</span></td>
  <td>${actions(organization.slug, credential, csrfToken, state)}</td>
</tr>`,
  )}</tbody>
</table></div>`
}`;
}
