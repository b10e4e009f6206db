import type { PortfolioSettings } from '../../services/sharing/portfolio.ts';
import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { walletStatusLabels } from './portfolio-public.ts';

export type PortfolioSettingsState = {
  notice?: string;
  message?: string;
  errors?: FieldErrors;
  values?: { slug?: string; headline?: string; published?: boolean; credentialIds?: string[] };
};

/** The learner chooses the address, the headline, what is shown, and whether it is public. */
export function portfolioSettingsPage(
  settings: PortfolioSettings,
  csrfToken: string | undefined,
  state: PortfolioSettingsState = {},
): Html {
  const values = state.values ?? {};
  const chosen = new Set(
    values.credentialIds ?? settings.credentials.filter((c) => c.inPortfolio).map((c) => c.id),
  );
  const published = values.published ?? settings.published;
  return html`<p><a href="/wallet">My wallet</a></p>
<h1>My e-portfolio</h1>
<p class="lead">A public page with the credentials you choose, grouped by skill, each checked live. Nothing is shown unless you choose it, and nothing at all until you publish.</p>
${state.notice ? html`<div class="notice success" role="status">${state.notice}</div>` : ''}
${errorSummary(state.message, state.errors)}
${
  settings.saved && settings.published
    ? html`<p>Your portfolio is public at <a href="${settings.url}">${settings.url}</a>.</p>`
    : html`<p>Your portfolio is not public.</p>`
}
<form class="stack wide" method="post" action="/portfolio" novalidate>
  ${csrfInput(csrfToken)}
  ${field({ name: 'slug', label: 'Address', value: values.slug ?? settings.slug, hint: 'Your page will be at /p/ followed by this: lowercase letters, digits and hyphens', required: true, errors: state.errors })}
  ${field({ name: 'headline', label: 'Headline', value: values.headline ?? settings.headline, hint: 'A line about you, e.g. "Data analyst, Vienna"', errors: state.errors })}
  <fieldset>
    <legend>Credentials to show</legend>
    ${
      settings.credentials.length === 0
        ? html`<p>Your wallet is empty.</p>`
        : settings.credentials.map(
            (credential) => html`<div class="field checkbox">
      <input type="checkbox" id="show-${credential.id}" name="credentialIds" value="${credential.id}"${chosen.has(credential.id) ? html` checked` : ''}>
      <label for="show-${credential.id}">${credential.achievementName ?? 'Credential'}</label>
      <span class="hint">${credential.issuerName ?? 'Unknown issuer'}${credential.issuedOn ? ` · ${credential.issuedOn.slice(0, 10)}` : ''} · ${walletStatusLabels[credential.status] ?? credential.status}</span>
    </div>`,
          )
    }
  </fieldset>
  <div class="field checkbox">
    <input type="checkbox" id="field-published" name="published" value="on"${published ? html` checked` : ''}>
    <label for="field-published">Publish my portfolio</label>
    <span class="hint">Anyone with the address can see the credentials chosen above.</span>
  </div>
  <p><button type="submit">Save portfolio</button></p>
</form>`;
}
