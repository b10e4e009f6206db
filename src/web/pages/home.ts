import { type Html, html } from '../html.ts';

export function homePage(signedIn: boolean): Html {
  return html`<h1>Micro-credentials that anyone can verify</h1>
<p class="lead">Skillmark lets universities, training providers and employers publish competency frameworks and
micro-credentials, lets learners prove mastery at their own pace, and signs every credential as an
Open Badges 3.0 verifiable credential that anyone can check, without trusting this server.</p>
<ul class="cards">
  <li class="card"><h2>Learners</h2><p>Keep every credential you earn, wherever it was issued, and share it where employers look.</p>
    <p><a href="${signedIn ? '/learn' : '/sign-up'}">${signedIn ? 'Go to my learning' : 'Create a learner account'}</a></p></li>
  <li class="card"><h2>Issuers</h2><p>Universities and training providers define micro-credentials with the EU standard elements and award them.</p>
    <p><a href="/organizations">Organizations</a></p></li>
  <li class="card"><h2>Employers and verifiers</h2><p>Check a credential in seconds and find candidates by verified skills, with their consent.</p>
    <p><a href="/organizations">Set up an employer organization</a></p></li>
  <li class="card"><h2>Developers</h2><p>Everything the pages do is available from the JSON API, described in OpenAPI 3.1.</p>
    <p><a href="/docs">API reference</a></p></li>
</ul>`;
}
