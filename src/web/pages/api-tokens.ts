import { organizationRoles } from '../../domain/policy.ts';
import type { ApiTokenView } from '../../services/api-tokens.ts';
import { csrfInput, errorSummary, type FieldErrors, field, selectField } from '../forms.ts';
import { type Html, html } from '../html.ts';

export function apiTokensPage(
  organization: { slug: string; name: string },
  tokens: ApiTokenView[],
  csrfToken: string | undefined,
  form: {
    newSecret?: string;
    values?: Record<string, string>;
    message?: string;
    errors?: FieldErrors;
    notice?: string;
  } = {},
): Html {
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>API tokens</h1>
<p>Tokens let other systems (an LMS, an HR system, scripts) act for this organization with one role.
Send one as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
${
  form.newSecret
    ? html`<div class="notice success" role="status"><p><strong>Copy this token now. It will not be shown again.</strong></p>
        <code class="secret" id="new-token">${form.newSecret}</code></div>`
    : ''
}
${form.notice ? html`<div class="notice success" role="status">${form.notice}</div>` : ''}
<div class="table-wrap"><table>
  <caption class="visually-hidden">API tokens of ${organization.name}</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Starts with</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Status</th></tr></thead>
  <tbody>${tokens.map(
    (
      t,
    ) => html`<tr><td>${t.name}</td><td>${t.role}</td><td><code>${t.prefix}…</code></td><td>${t.createdAt.slice(0, 10)}</td>
      <td>${t.expiresAt?.slice(0, 10) ?? 'never'}</td><td>${t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
      <td>${
        t.revokedAt
          ? `revoked ${t.revokedAt.slice(0, 10)}`
          : html`<form class="inline-form" method="post" action="/organizations/${organization.slug}/tokens/${t.id}/revoke">
              ${csrfInput(csrfToken)}<button class="danger" type="submit">Revoke<span class="visually-hidden"> ${t.name}</span></button></form>`
      }</td></tr>`,
  )}</tbody>
</table></div>
<h2 id="create-heading">Create a token</h2>
${errorSummary(form.message, form.errors)}
<form class="stack" method="post" action="/organizations/${organization.slug}/tokens" aria-labelledby="create-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${field({ name: 'name', label: 'Name', value: form.values?.name, required: true, hint: 'What uses it, e.g. "Moodle integration".', errors: form.errors })}
  ${selectField({ name: 'role', label: 'Role', value: form.values?.role ?? 'issuer', choices: organizationRoles.map((r) => [r, r] as const), errors: form.errors })}
  ${field({ name: 'expiresInDays', label: 'Expires after (days)', type: 'number', value: form.values?.expiresInDays, errors: form.errors })}
  <div><button type="submit">Create token</button></div>
</form>`;
}
