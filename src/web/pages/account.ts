import type { AccountView } from '../../services/accounts.ts';
import { type Html, html } from '../html.ts';

/** `sections` (addresses, DIDs, your data) come from the wallet pages when given. */
export function accountPage(account: AccountView, sections?: Html[]): Html {
  return html`<h1>${account.displayName}</h1>
${
  sections
    ? sections[0]
    : html`<section aria-labelledby="emails-heading">
  <h2 id="emails-heading">Email addresses</h2>
  <p>Credentials issued to any of these addresses belong to this account.</p>
  <ul>${account.emails.map((e) => html`<li>${e.email}${e.primary ? ' (primary)' : ''}${e.verified ? '' : html` <span class="hint">not yet verified</span>`}</li>`)}</ul>
</section>`
}
<section aria-labelledby="orgs-heading">
  <h2 id="orgs-heading">Organizations</h2>
  ${
    account.organizations.length === 0
      ? html`<p>You are not a member of any organization. Issuers and employers can <a href="/organizations">create one</a>.</p>`
      : html`<ul>${account.organizations.map((o) => html`<li><a href="/organizations/${o.slug}">${o.name}</a>: ${o.role}</li>`)}</ul>`
  }
</section>
${sections ? sections.slice(1) : ''}
<p><a href="/account/apps">Authorized apps</a>: the wallets and learning platforms you let into your account.</p>
<p class="hint">Member since ${account.createdAt.slice(0, 10)}${account.isAdmin ? html` · platform administrator: <a href="/admin/trust-registry">trust registry</a>` : ''}.</p>`;
}
