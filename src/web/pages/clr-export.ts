import type { WalletCredentialView } from '../../services/wallet/add-to-wallet.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type ClrFormState = {
  message?: string;
  errors?: FieldErrors;
  values?: { walletCredentialIds?: string[] };
};

const carried = new Set(['json', 'jwt', 'png', 'svg']);

/** The learner picks wallet credentials for a Comprehensive Learner Record (CLR 2.0). */
export function clrExportPage(
  credentials: WalletCredentialView[],
  csrfToken: string | undefined,
  state: ClrFormState = {},
): Html {
  const chosen = new Set(state.values?.walletCredentialIds ?? []);
  return html`<p><a href="/wallet">My wallet</a></p>
<h1>Comprehensive Learner Record</h1>
<p class="lead">A CLR 2.0 record bundles the credentials you choose, their achievements and how they relate (for example which micro-credentials make up a certificate). You sign it with your own key; each credential in it keeps its issuer’s signature.</p>
${errorSummary(state.message, state.errors)}
<form class="stack wide" method="post" action="/clr/new" novalidate>
  ${csrfInput(csrfToken)}
  <fieldset>
    <legend>Credentials</legend>
    ${
      credentials.length === 0
        ? html`<p>Your wallet is empty.</p>`
        : credentials.map((credential) => {
            const usable = credential.status === 'valid' && carried.has(credential.receivedAs);
            return html`<div class="field checkbox">
      <input type="checkbox" id="clr-${credential.id}" name="walletCredentialIds" value="${credential.id}"${chosen.has(credential.id) ? html` checked` : ''}${usable ? '' : html` disabled aria-describedby="clr-${credential.id}-hint"`}>
      <label for="clr-${credential.id}">${credential.achievementName ?? 'Credential'}</label>
      <span class="hint" id="clr-${credential.id}-hint">${credential.issuerName ?? 'Unknown issuer'}${usable ? '' : ` · cannot be included: ${credential.status === 'valid' ? 'not an Open Badges 3.0 credential' : credential.status}`}</span>
    </div>`;
          })
    }
  </fieldset>
  <p><button type="submit">Download my record (CLR 2.0)</button></p>
</form>`;
}
