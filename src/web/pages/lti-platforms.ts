import type { LtiPlatformView, toolConfiguration } from '../../services/lti/platforms.ts';
import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type PlatformForm = {
  values?: Record<string, string>;
  message?: string;
  errors?: FieldErrors;
  notice?: string;
};

export function ltiPlatformsPage(
  organization: { slug: string; name: string },
  tool: ReturnType<typeof toolConfiguration>,
  platforms: LtiPlatformView[],
  csrfToken: string | undefined,
  form: PlatformForm = {},
): Html {
  const base = `/organizations/${organization.slug}/lti`;
  const value = (name: string) => form.values?.[name];
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>LMS connections (LTI 1.3)</h1>
<p>Connect Moodle, Canvas or any LTI 1.3 platform: instructors place ${organization.name}'s
achievements in their courses, learners link their accounts, and grades that reach the passing
score award the credential.</p>
<h2>Enter these in your LMS</h2>
<dl class="facts">
  <dt>Login initiation URL</dt><dd><code>${tool.loginInitiationUrl}</code></dd>
  <dt>Redirect URI / target link URI</dt><dd><code>${tool.redirectUri}</code></dd>
  <dt>Deep linking URL</dt><dd><code>${tool.deepLinkingUrl}</code></dd>
  <dt>Public keyset (JWKS) URL</dt><dd><code>${tool.jwksUrl}</code></dd>
</dl>
${form.notice ? html`<div class="notice success" role="status">${form.notice}</div>` : ''}
<h2>Connected platforms</h2>
${
  platforms.length === 0
    ? html`<p>None yet.</p>`
    : html`<div class="table-wrap"><table>
  <caption class="visually-hidden">LMS platforms of ${organization.name}</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Issuer</th><th scope="col">Client ID</th><th scope="col">Deployments</th><th scope="col">Actions</th></tr></thead>
  <tbody>${platforms.map(
    (
      p,
    ) => html`<tr><td>${p.name}</td><td><code>${p.issuer}</code></td><td><code>${p.clientId}</code></td><td>${p.deploymentIds.join(', ')}</td>
      <td><form class="inline-form" method="post" action="${base}/${p.id}/remove">${csrfInput(csrfToken)}<button class="danger" type="submit">Remove<span class="visually-hidden"> ${p.name}</span></button></form></td></tr>`,
  )}</tbody>
</table></div>`
}
<h2 id="add-heading">Connect a platform</h2>
<p>Copy these values from the LMS after adding Skillmark as a tool there.</p>
${errorSummary(form.message, form.errors)}
<form class="stack" method="post" action="${base}" aria-labelledby="add-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${field({ name: 'name', label: 'Name', value: value('name'), required: true, hint: 'E.g. "University Moodle".', errors: form.errors })}
  ${field({ name: 'issuer', label: 'Issuer (platform ID)', type: 'url', value: value('issuer'), required: true, errors: form.errors })}
  ${field({ name: 'clientId', label: 'Client ID', value: value('clientId'), required: true, errors: form.errors })}
  ${field({ name: 'deploymentIds', label: 'Deployment IDs', value: value('deploymentIds'), required: true, hint: 'Separate several with commas.', errors: form.errors })}
  ${field({ name: 'authLoginUrl', label: 'Authentication request URL', type: 'url', value: value('authLoginUrl'), required: true, errors: form.errors })}
  ${field({ name: 'tokenUrl', label: 'Access token URL', type: 'url', value: value('tokenUrl'), required: true, errors: form.errors })}
  ${field({ name: 'jwksUrl', label: 'Public keyset URL', type: 'url', value: value('jwksUrl'), required: true, errors: form.errors })}
  <div><button type="submit">Connect</button></div>
</form>`;
}
