import type { AuthorizationRequest } from '../../domain/oauth/authorization-request.ts';
import { isOb3Scope, scopeDescriptions } from '../../domain/oauth/scopes.ts';
import type { OAuthClient } from '../../services/oauth/clients.ts';
import { csrfInput } from '../forms.ts';
import { type Html, html } from '../html.ts';

/** The request's parameters, carried through the form so the POST is checked exactly like the GET. */
export type AuthorizationFields = Record<string, string>;

export function scopeInWords(scope: string): string {
  return isOb3Scope(scope) ? scopeDescriptions[scope] : scope;
}

/**
 * Asks the learner whether an app may act for them. Everything the app said about itself is
 * shown as the app's claim (its name is not verified), with the address it will return to.
 */
export function consentPage(
  client: OAuthClient,
  request: AuthorizationRequest,
  fields: AuthorizationFields,
  csrfToken: string | undefined,
  learnerName: string | undefined,
): Html {
  const host = new URL(request.redirectUri).host;
  return html`${
    client.logoUri
      ? html`<img class="client-logo" src="/oauth/clients/${encodeURIComponent(client.id)}/logo" alt="Logo of ${client.clientName}" width="64" height="64">`
      : ''
  }
<h1>Allow ${client.clientName} to use your Skillmark account?</h1>
${learnerName ? html`<p>You are signed in as <strong>${learnerName}</strong>.</p>` : ''}
<section aria-labelledby="app-heading" class="card">
  <h2 id="app-heading">About this app</h2>
  <dl>
    <dt>Name (as the app describes itself)</dt><dd>${client.clientName}</dd>
    <dt>Website</dt><dd><a href="${client.clientUri}" rel="noopener noreferrer">${client.clientUri}</a></dd>
    <dt>After you decide, you go to</dt><dd><code>${request.redirectUri}</code> (${host})</dd>
    ${client.tosUri ? html`<dt>Terms of service</dt><dd><a href="${client.tosUri}" rel="noopener noreferrer">${client.tosUri}</a></dd>` : ''}
    ${client.policyUri ? html`<dt>Privacy policy</dt><dd><a href="${client.policyUri}" rel="noopener noreferrer">${client.policyUri}</a></dd>` : ''}
  </dl>
</section>
<h2 id="scopes-heading">It asks to</h2>
<ul aria-labelledby="scopes-heading">${request.scopes.map((scope) => html`<li>${scopeInWords(scope)}</li>`)}</ul>
<p>You can withdraw this at any time on <a href="/account/apps">your authorized apps</a> page.</p>
<form method="post" action="/oauth/authorize" class="stack">
  ${csrfInput(csrfToken)}
  ${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
  <div class="row-actions"><div class="buttons">
    <button type="submit" name="decision" value="approve">Allow</button>
    <button type="submit" name="decision" value="deny" class="secondary">Deny</button></div>
  </div>
</form>`;
}

/** Shown instead of redirecting when the app or its return address cannot be trusted. */
export function authorizationRefusedPage(message: string): Html {
  return html`<h1>This sign-in request cannot be used</h1>
<div class="notice error" role="alert"><p>${message}</p></div>
<p>Nothing was shared. Go back to the app and start again, or tell its developers.</p>`;
}

/**
 * After the decision: the browser continues to the app. A form post may not be redirected to
 * another origin under our Content-Security-Policy (form-action 'self'), so the page moves on
 * with a meta refresh and offers a link, which works without JavaScript.
 */
export function returnToAppPage(clientName: string, location: string): Html {
  return html`<h1>Returning you to ${clientName}</h1>
<p><a id="continue" href="${location}">Continue to ${clientName}</a></p>`;
}
