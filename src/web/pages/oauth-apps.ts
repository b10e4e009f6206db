import type { AuthorizedAppView } from '../../services/oauth/revoke.ts';
import { csrfInput } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { scopeInWords } from './oauth-consent.ts';

/** The apps (wallets, LMSs) the learner has let into their account, each with a revoke button. */
export function authorizedAppsPage(
  apps: AuthorizedAppView[],
  csrfToken: string | undefined,
  notice?: string,
): Html {
  return html`<p><a href="/account">Account</a></p>
<h1>Authorized apps</h1>
<p>These apps may use your Skillmark account through the Open Badges 3.0 API, within what you allowed.
Revoking one stops it at once; it would have to ask you again.</p>
${notice ? html`<div class="notice success" role="status">${notice}</div>` : ''}
${
  apps.length === 0
    ? html`<p>You have not authorized any app.</p>`
    : html`<ul class="cards">${apps.map(
        (app) => html`<li class="card">
  <h2>${app.clientName}</h2>
  <p><a href="${app.clientUri}" rel="noopener noreferrer">${app.clientUri}</a> · allowed ${app.approvedAt.slice(0, 10)}</p>
  <ul>${app.scopes.map((scope) => html`<li>${scopeInWords(scope)}</li>`)}</ul>
  <form class="inline-form" method="post" action="/account/apps/${app.grantId}/revoke">
    ${csrfInput(csrfToken)}<button class="danger" type="submit">Revoke<span class="visually-hidden"> ${app.clientName}</span></button>
  </form>
</li>`,
      )}</ul>`
}`;
}
