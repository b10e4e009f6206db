import type { PortfolioSettings } from '../../services/sharing/portfolio.ts';
import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type PresentationFormState = {
  message?: string;
  errors?: FieldErrors;
  values?: { challenge?: string; domain?: string; credentialIds?: string[] };
};

/** The learner picks credentials and copies in the verifier's challenge and domain. */
export function presentationFormPage(
  credentials: PortfolioSettings['credentials'],
  csrfToken: string | undefined,
  state: PresentationFormState = {},
): Html {
  const chosen = new Set(state.values?.credentialIds ?? []);
  return html`<p><a href="/wallet">My wallet</a></p>
<h1>Present credentials to a verifier</h1>
<p class="lead">A verifiable presentation bundles the credentials you choose and is signed with your own key, so the verifier can tell that you, their holder, handed them over.</p>
${errorSummary(state.message, state.errors)}
<form class="stack wide" method="post" action="/presentations/new" novalidate>
  ${csrfInput(csrfToken)}
  <fieldset>
    <legend>Credentials</legend>
    ${
      credentials.length === 0
        ? html`<p>Your wallet is empty.</p>`
        : credentials.map(
            (credential) => html`<div class="field checkbox">
      <input type="checkbox" id="present-${credential.id}" name="credentialIds" value="${credential.id}"${chosen.has(credential.id) ? html` checked` : ''}>
      <label for="present-${credential.id}">${credential.achievementName ?? 'Credential'}</label>
      <span class="hint">${credential.issuerName ?? 'Unknown issuer'}</span>
    </div>`,
          )
    }
  </fieldset>
  ${field({ name: 'challenge', label: 'Challenge', value: state.values?.challenge, hint: 'The code the verifier gave you, if any: it proves this presentation was made for their request', errors: state.errors })}
  ${field({ name: 'domain', label: 'Domain', value: state.values?.domain, hint: "The verifier's website, if they named one (e.g. https://jobs.example.com)", errors: state.errors })}
  <p><button type="submit">Download presentation</button></p>
</form>`;
}
