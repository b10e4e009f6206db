import { csrfInput, errorSummary, type FieldErrors, field, selectField } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type EndorsementFormState = {
  message?: string;
  errors?: FieldErrors;
  values?: { targetKind?: string; targetId?: string; comment?: string };
};

/** An organization endorses an achievement or an issuer (OB 3.0 EndorsementCredential). */
export function endorsementFormPage(
  organization: { slug: string; name: string },
  csrfToken: string | undefined,
  state: EndorsementFormState = {},
): Html {
  const v = state.values ?? {};
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>Endorse an achievement or an issuer</h1>
<p class="lead">${organization.name} signs an Open Badges 3.0 endorsement. It shows on the achievement’s public pages as quality-assurance evidence, and you can revoke it at any time.</p>
${errorSummary(state.message, state.errors)}
<form class="stack" method="post" action="/organizations/${organization.slug}/endorsements/new" novalidate>
  ${csrfInput(csrfToken)}
  ${selectField({
    name: 'targetKind',
    label: 'What you endorse',
    value: v.targetKind ?? 'achievement',
    choices: [
      ['achievement', 'An achievement'],
      ['issuer', 'An issuer (organization)'],
    ],
    errors: state.errors,
  })}
  ${field({ name: 'targetId', label: 'Achievement id, or the issuer’s short name', value: v.targetId, required: true, hint: 'The id at the end of the achievement’s address, or the organization’s short name (slug).', errors: state.errors })}
  ${field({ name: 'comment', label: 'Comment', value: v.comment, hint: 'Why you endorse it; published in the endorsement.', errors: state.errors })}
  <p><button type="submit">Sign the endorsement</button></p>
</form>`;
}
