import { webhookEventTypes } from '../../domain/webhooks/events.ts';
import type {
  WebhookDeliveryView,
  WebhookEndpointView,
} from '../../services/webhooks/endpoints.ts';
import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';

type Organization = { slug: string; name: string };

export type WebhookForm = {
  newSecret?: string;
  values?: { url?: string; description?: string; eventTypes?: string[] };
  message?: string;
  errors?: FieldErrors;
  notice?: string;
};

export function webhooksPage(
  organization: Organization,
  endpoints: WebhookEndpointView[],
  csrfToken: string | undefined,
  form: WebhookForm = {},
): Html {
  const base = `/organizations/${organization.slug}/webhooks`;
  const chosen = new Set(form.values?.eventTypes ?? ['credential.issued']);
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>Webhooks</h1>
<p>Skillmark posts an event to your endpoints when a credential of ${organization.name} is issued,
revoked, claimed, shared or verified. Each request is signed (Standard Webhooks: <code>webhook-id</code>,
<code>webhook-timestamp</code>, <code>webhook-signature</code>); failed deliveries are retried with
growing delays. See <a href="https://github.com/skillmark/skillmark/blob/main/docs/BUILD-ON-SKILLMARK.md">Build on Skillmark</a> for verifying signatures.</p>
${
  form.newSecret
    ? html`<div class="notice success" role="status"><p><strong>Copy this signing secret now. It will not be shown again.</strong></p>
        <code class="secret" id="new-secret">${form.newSecret}</code></div>`
    : ''
}
${form.notice ? html`<div class="notice success" role="status">${form.notice}</div>` : ''}
${
  endpoints.length === 0
    ? html`<p>No endpoints yet.</p>`
    : html`<div class="table-wrap"><table>
  <caption class="visually-hidden">Webhook endpoints of ${organization.name}</caption>
  <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Description</th><th scope="col">Actions</th></tr></thead>
  <tbody>${endpoints.map(
    (
      endpoint,
    ) => html`<tr><td><code>${endpoint.url}</code></td><td>${endpoint.eventTypes.join(', ')}</td><td>${endpoint.description}</td>
      <td><a href="${base}/${endpoint.id}">Delivery log</a>
      <form class="inline-form" method="post" action="${base}/${endpoint.id}/remove">${csrfInput(csrfToken)}<button class="danger" type="submit">Remove<span class="visually-hidden"> ${endpoint.url}</span></button></form></td></tr>`,
  )}</tbody>
</table></div>`
}
<h2 id="add-heading">Add an endpoint</h2>
${errorSummary(form.message, form.errors)}
<form class="stack" method="post" action="${base}" aria-labelledby="add-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${field({ name: 'url', label: 'URL', type: 'url', value: form.values?.url, required: true, hint: 'A public https address.', errors: form.errors })}
  <fieldset><legend>Events</legend>
    ${form.errors?.eventTypes ? html`<span class="field-error" id="field-eventTypes">${form.errors.eventTypes}</span>` : ''}
    ${webhookEventTypes.map(
      (type) =>
        html`<label><input type="checkbox" name="eventTypes" value="${type}"${chosen.has(type) ? html` checked` : ''}> ${type}</label>`,
    )}
  </fieldset>
  ${field({ name: 'description', label: 'Description', value: form.values?.description, errors: form.errors })}
  <div><button type="submit">Add endpoint</button></div>
</form>`;
}

export function webhookDeliveriesPage(
  organization: Organization,
  endpoint: WebhookEndpointView,
  deliveries: WebhookDeliveryView[],
  csrfToken: string | undefined,
  notice?: string,
): Html {
  const base = `/organizations/${organization.slug}/webhooks/${endpoint.id}`;
  return html`<p><a href="/organizations/${organization.slug}/webhooks">Webhooks of ${organization.name}</a></p>
<h1>Delivery log</h1>
<p><code>${endpoint.url}</code></p>
${notice ? html`<div class="notice success" role="status">${notice}</div>` : ''}
${
  deliveries.length === 0
    ? html`<p>Nothing delivered yet.</p>`
    : html`<div class="table-wrap"><table>
  <caption class="visually-hidden">Deliveries, newest first</caption>
  <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Created</th><th scope="col">Actions</th></tr></thead>
  <tbody>${deliveries.map(
    (d) => html`<tr><td>${d.eventType}<br><code>${d.id}</code></td>
      <td>${d.status}${d.status === 'pending' && d.nextAttemptAt ? html`<br><span class="hint">next try ${d.nextAttemptAt.slice(0, 19).replace('T', ' ')}</span>` : ''}</td>
      <td>${d.attempts}
        ${d.log.length > 0 ? html`<details><summary>Attempts</summary><ul>${d.log.map((a) => html`<li>${a.attemptedAt.slice(0, 19).replace('T', ' ')}: ${a.responseStatus ?? 'no answer'}, ${a.durationMs} ms${a.error ? ` (${a.error})` : ''}</li>`)}</ul></details>` : ''}</td>
      <td>${d.lastResponseStatus ?? ''}${d.lastError ? html`<br><span class="hint">${d.lastError}</span>` : ''}</td>
      <td>${d.createdAt.slice(0, 19).replace('T', ' ')}</td>
      <td><form class="inline-form" method="post" action="${base}/deliveries/${d.id}/redeliver">${csrfInput(csrfToken)}<button class="secondary" type="submit">Redeliver<span class="visually-hidden"> ${d.id}</span></button></form></td></tr>`,
  )}</tbody>
</table></div>`
}`;
}
