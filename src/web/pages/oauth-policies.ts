import { allOb3Scopes, scopeDescriptions } from '../../domain/oauth/scopes.ts';
import { type Html, html } from '../html.ts';

/**
 * The privacy policy and terms the OB 3.0 discovery document must link to
 * (x-imssf-privacyPolicyUrl, termsOfService). They describe what this software does; an
 * operator with further obligations states them in the same places.
 */
export function privacyPage(): Html {
  return html`<h1>Privacy</h1>
<p>Skillmark keeps your account (name, email addresses, password as a salted hash), the credentials in
your wallet and what you do with them (shares, presentations, imports), and an audit log of changes.</p>
<h2>Apps you authorize</h2>
<p>Apps such as wallets and learning platforms can use your account through the Open Badges 3.0 API only
after you approve them on a consent page, and only for what you approved:</p>
<ul>${allOb3Scopes.map((scope) => html`<li>${scopeDescriptions[scope]}</li>`)}</ul>
<p>We store the app's access as hashed tokens, never the tokens themselves. You can see and revoke every
app on <a href="/account/apps">your authorized apps</a> page; revoking stops the app at once.</p>
<h2>Your data</h2>
<p>You can export everything we hold about you and delete your account from <a href="/account">your account page</a>.</p>`;
}

export function termsPage(): Html {
  return html`<h1>Terms for apps</h1>
<p>These terms apply to software that registers with this Skillmark server as an OAuth 2.0 client.</p>
<ul>
  <li>Describe your app truthfully at registration: its name, website, logo and addresses are shown to learners.</li>
  <li>Ask only for the scopes your app needs, and use a learner's data only for what the learner approved.</li>
  <li>Keep client secrets and tokens secret; revoke tokens you no longer need (<code>/oauth/revoke</code>).</li>
  <li>Registrations that mislead learners, and their tokens, may be removed without notice.</li>
</ul>`;
}
