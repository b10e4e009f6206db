import type { TalentProfileView } from '../../services/talent-search/consent.ts';
import type { WalletCredentialView } from '../../services/wallet/add-to-wallet.ts';
import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type TalentProfileState = { notice?: string; message?: string; errors?: FieldErrors };

type View = {
  organization: { slug: string; name: string };
  kind: 'search' | 'profile';
  viewedAt: string;
};

function checkbox(
  name: string,
  label: string,
  checked: boolean,
  hint?: string,
  value = 'on',
): Html {
  const id = `field-${name}${value === 'on' ? '' : `-${value}`}`;
  return html`<div class="field checkbox">
  <input type="checkbox" id="${id}" name="${name}" value="${value}"${checked ? html` checked` : ''}>
  <label for="${id}">${label}</label>
  ${hint ? html`<span class="hint">${hint}</span>` : ''}
</div>`;
}

/**
 * The learner's consent to talent search: off until they tick it, every field hidden unless
 * chosen, credentials and issuers they can keep out, and who has looked.
 */
export function talentProfilePage(
  profile: TalentProfileView,
  credentials: WalletCredentialView[],
  emails: string[],
  views: View[],
  csrfToken: string | undefined,
  state: TalentProfileState = {},
): Html {
  const hidden = new Set(profile.hiddenCredentials);
  const hiddenIssuers = new Set(profile.hiddenIssuers);
  const issuers = [
    ...new Map(
      credentials.filter((c) => c.issuerId).map((c) => [c.issuerId!, c.issuerName ?? c.issuerId!]),
    ),
  ];
  return html`<p><a href="/wallet">My wallet</a></p>
<h1>Be found by employers</h1>
<p class="lead">Employers on Skillmark can search for people whose skills are proven by verified credentials. You are not in their results unless you opt in here, and you can withdraw at any time: you leave the results at once.</p>
${state.notice ? html`<div class="notice success" role="status">${state.notice}</div>` : ''}
${errorSummary(state.message, state.errors)}
<p><strong>${profile.optedIn ? 'You can be found by employers.' : 'You cannot be found by employers.'}</strong></p>
<form class="stack wide" method="post" action="/talent-profile" novalidate>
  ${csrfInput(csrfToken)}
  ${checkbox('optedIn', 'Let employers find me by my verified skills', profile.optedIn, 'Only credentials that verify (not revoked, suspended or expired) count; work in progress never does.')}
  <fieldset>
    <legend>What employers may see</legend>
    <p class="hint">Without these, employers see an anonymous candidate with the skills and credentials that match.</p>
    ${checkbox('showName', 'My name', profile.showName)}
    ${field({ name: 'headline', label: 'Headline', value: profile.headline, hint: 'e.g. "Data analyst"', errors: state.errors })}
    ${field({ name: 'location', label: 'Location', value: profile.location, hint: 'e.g. "Vienna, remote"', errors: state.errors })}
    ${checkbox('showHeadline', 'My headline and location', profile.showHeadline)}
    <div class="field">
      <label for="field-contactEmail">Contact address <span class="hint">(optional)</span></label>
      <select id="field-contactEmail" name="contactEmail">
        <option value="">None</option>
        ${emails.map((e) => html`<option value="${e}"${e === profile.contactEmail ? html` selected` : ''}>${e}</option>`)}
      </select>
    </div>
    ${checkbox('showEmail', 'My contact address', profile.showEmail)}
  </fieldset>
  <fieldset>
    <legend>Credentials to keep out of search</legend>
    ${
      credentials.length === 0
        ? html`<p>Your wallet is empty.</p>`
        : credentials.map((c) =>
            checkbox(
              'hiddenCredentials',
              c.achievementName ?? 'Credential',
              hidden.has(c.id),
              `${c.issuerName ?? 'Unknown issuer'}${c.issuedOn ? ` · ${c.issuedOn.slice(0, 10)}` : ''}`,
              c.id,
            ),
          )
    }
  </fieldset>
  ${
    issuers.length === 0
      ? ''
      : html`<fieldset>
    <legend>Issuers to keep out of search</legend>
    ${issuers.map(
      ([id, name], index) => html`<div class="field checkbox">
      <input type="checkbox" id="field-hiddenIssuers-${index}" name="hiddenIssuers" value="${id}"${hiddenIssuers.has(id) ? html` checked` : ''}>
      <label for="field-hiddenIssuers-${index}">${name}</label>
    </div>`,
    )}
  </fieldset>`
  }
  <p><button type="submit">Save</button></p>
</form>
<h2>Who looked</h2>
${
  views.length === 0
    ? html`<p>No organization has seen you in a search yet.</p>`
    : html`<table>
  <caption>Organizations that saw you, newest first</caption>
  <thead><tr><th scope="col">Organization</th><th scope="col">How</th><th scope="col">When</th></tr></thead>
  <tbody>${views.map(
    (v) =>
      html`<tr><td>${v.organization.name}</td><td>${v.kind === 'profile' ? 'Opened your profile' : 'Saw you in search results'}</td><td>${v.viewedAt.slice(0, 16).replace('T', ' ')} UTC</td></tr>`,
  )}</tbody>
</table>`
}`;
}
