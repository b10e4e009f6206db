import type { DidView } from '../../services/wallet/dids.ts';
import type { EmailView } from '../../services/wallet/emails.ts';
import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type EmailsState = {
  notice?: string;
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
};

function emailActions(email: EmailView, csrfToken: string | undefined): Html {
  const hidden = html`${csrfInput(csrfToken)}<input type="hidden" name="email" value="${email.email}">`;
  return html`<span class="row-actions">
  ${
    email.verified
      ? ''
      : html`<form class="inline-form" method="post" action="/account/emails/verify">${hidden}<button class="secondary" type="submit">Send verification link<span class="visually-hidden"> to ${email.email}</span></button></form>`
  }
  ${
    email.verified && !email.primary
      ? html`<form class="inline-form" method="post" action="/account/emails/primary">${hidden}<button class="secondary" type="submit">Make primary<span class="visually-hidden">: ${email.email}</span></button></form>`
      : ''
  }
  ${
    email.primary
      ? ''
      : html`<form class="inline-form" method="post" action="/account/emails/remove">${hidden}<button class="danger" type="submit">Remove<span class="visually-hidden"> ${email.email}</span></button></form>`
  }
</span>`;
}

/** The addresses (and DIDs) of the account, where credentials issued to them are claimed. */
export function emailsSection(
  emails: EmailView[],
  dids: DidView[],
  csrfToken: string | undefined,
  state: EmailsState = {},
): Html {
  return html`<section aria-labelledby="emails-heading">
  <h2 id="emails-heading">Email addresses</h2>
  <p>Credentials issued to any verified address land in your <a href="/wallet">wallet</a>, including ones issued before you verified it. Removing an address never removes a credential.</p>
  ${state.notice ? html`<div class="notice success" role="status"><p>${state.notice}</p></div>` : ''}
  ${errorSummary(state.message, state.errors)}
  <ul>${emails.map(
    (e) =>
      html`<li>${e.email}${e.primary ? ' (primary)' : ''} ${e.verified ? html`<span class="hint">verified</span>` : html`<span class="hint">not yet verified</span>`} ${emailActions(e, csrfToken)}</li>`,
  )}</ul>
  <form class="stack" method="post" action="/account/emails" novalidate>
    ${csrfInput(csrfToken)}
    ${field({ name: 'email', label: 'Add an address', type: 'email', autocomplete: 'email', required: true, value: state.values?.email, errors: state.errors, hint: 'We send a link to it; the link works once, for 24 hours.' })}
    <button type="submit">Add and send link</button>
  </form>
  <h3>DIDs</h3>
  ${
    dids.length === 0
      ? html`<p>No DID linked. A wallet app can link one through the API (<code>POST /api/v1/me/dids/challenge</code>, then a signed presentation to <code>POST /api/v1/me/dids</code>).</p>`
      : html`<ul>${dids.map((d) => html`<li><span class="identifier">${d.did}</span> <span class="hint">linked ${d.verifiedAt.slice(0, 10)}</span></li>`)}</ul>`
  }
</section>`;
}

/** Your data: export everything, or delete the account. */
export function accountDataSection(): Html {
  return html`<section aria-labelledby="data-heading">
  <h2 id="data-heading">Your data</h2>
  <p><a class="button" href="/api/v1/me/export" download>Download all my data (zip)</a></p>
  <p class="hint">Your profile, addresses, every credential exactly as issued, your submissions, quiz attempts and notifications.</p>
  <p><a href="/account/delete">Delete my account</a></p>
</section>`;
}

/** GET of a verification link: shows what will be verified; only the button's POST changes anything. */
export function verifyEmailPage(
  token: string,
  email: string | undefined,
  csrfToken: string | undefined,
  message?: string,
): Html {
  if (!email)
    return html`<h1>Verify your email address</h1>
<div class="notice error" role="alert"><p>${message ?? 'This link is not valid.'}</p></div>
<p><a href="/account">Go to your account</a> to send a new link.</p>`;
  return html`<h1>Verify your email address</h1>
<p>Confirm that <strong>${email}</strong> is yours. Credentials issued to it will appear in your wallet.</p>
<form method="post" action="/verify-email">
  ${csrfInput(csrfToken)}
  <input type="hidden" name="token" value="${token}">
  <button type="submit">Verify ${email}</button>
</form>`;
}

export function emailVerifiedPage(email: string, claimed: number): Html {
  return html`<h1>Address verified</h1>
<div class="notice success" role="status"><p>${email} is verified.${claimed > 0 ? ` ${claimed} credential${claimed === 1 ? '' : 's'} issued to it ${claimed === 1 ? 'is' : 'are'} now in your wallet.` : ''}</p></div>
<p><a class="button" href="/wallet">Open my wallet</a> <a href="/account">Back to my account</a></p>`;
}

/** Deletion asks for the password and says plainly what goes and what stays. */
export function deleteAccountPage(
  csrfToken: string | undefined,
  state: { message?: string; errors?: FieldErrors } = {},
): Html {
  return html`<h1>Delete my account</h1>
${errorSummary(state.message, state.errors)}
<p>This cannot be undone. <a href="/api/v1/me/export" download>Download your data</a> first if you want to keep it.</p>
<h2>What is deleted</h2>
<ul>
  <li>Your profile, email addresses, DIDs and sessions</li>
  <li>Your wallet: every credential in it, imported or issued, and your share links and portfolio</li>
  <li>Your submissions and their files, quiz attempts and learning progress</li>
</ul>
<h2>What issuers keep</h2>
<p>Organizations that issued you credentials keep their record of issuing them (they need it to answer verifiers and to revoke), and the audit log keeps a note that an account was deleted, by its id only. Credentials you saved elsewhere stay valid.</p>
<form class="stack" method="post" action="/account/delete" novalidate>
  ${csrfInput(csrfToken)}
  ${field({ name: 'password', label: 'Your password', type: 'password', autocomplete: 'current-password', required: true, errors: state.errors })}
  <div class="field"><label><input type="checkbox" name="confirm" value="yes" required> I understand that my account and data will be deleted for good.</label>
  ${state.errors?.confirm ? html`<span class="field-error">${state.errors.confirm}</span>` : ''}</div>
  <button class="danger" type="submit">Delete my account</button>
</form>`;
}
