import { organizationKinds } from '../../domain/accounts.ts';
import type { OrganizationView } from '../../services/organizations.ts';
import { csrfInput, errorSummary, type FieldErrors, field, selectField } from '../forms.ts';
import { type Html, html } from '../html.ts';

const kindLabels: Record<string, string> = {
  university: 'University or college',
  'training-provider': 'Training provider',
  employer: 'Employer',
  other: 'Other',
};
const kindChoices = organizationKinds.map((kind) => [kind, kindLabels[kind] ?? kind] as const);

/** What a role allows, as the one policy says (the page knows the role, not the actor). */

type Mine = Array<{ slug: string; name: string; role: string }>;

export function organizationsPage(
  mine: Mine,
  signedIn: boolean,
  csrfToken: string | undefined,
  form: { values?: Record<string, string>; message?: string; errors?: FieldErrors } = {},
): Html {
  return html`<h1>Organizations</h1>
<p>Universities, training providers and employers work in Skillmark as organizations, with members in roles:
owners manage the organization, issuers define and award credentials, assessors review submissions, viewers read.</p>
${
  mine.length > 0
    ? html`<h2>Yours</h2><ul class="cards">${mine.map(
        (o) =>
          html`<li class="card"><h3><a href="/organizations/${o.slug}">${o.name}</a></h3><p>Your role: ${o.role}</p></li>`,
      )}</ul>`
    : ''
}
${
  signedIn
    ? html`<h2 id="create-heading">Create an organization</h2>
${errorSummary(form.message, form.errors)}
<form class="stack" method="post" action="/organizations" aria-labelledby="create-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${field({ name: 'name', label: 'Name', value: form.values?.name, required: true, errors: form.errors })}
  ${field({ name: 'slug', label: 'Address', value: form.values?.slug, required: true, hint: 'Lowercase letters, digits and hyphens; it appears in links and in your issuer identifier.', errors: form.errors })}
  ${selectField({ name: 'kind', label: 'Kind', value: form.values?.kind ?? 'university', choices: kindChoices, errors: form.errors })}
  ${field({ name: 'url', label: 'Website', type: 'url', value: form.values?.url, errors: form.errors })}
  <div><button type="submit">Create organization</button></div>
</form>`
    : html`<p><a href="/sign-in?next=/organizations">Sign in</a> to create or manage an organization.</p>`
}`;
}

export function organizationPage(
  organization: OrganizationView,
  access: {
    role: string | undefined;
    canManage: boolean;
    csrfToken?: string;
    /** Whether the person may issue here (asked of the policy by the handler). */
    canIssue: boolean;
    /** Whether the person manages quizzes and other assessments here. */
    canManageAssessments?: boolean;
    /** Whether the person works the review queue here (assessors, issuers, owners). */
    canReview?: boolean;
    /** The issuer Profile id its credentials are signed under. */
    issuerId?: string;
  },
  form: { message?: string; errors?: FieldErrors; saved?: boolean } = {},
): Html {
  return html`<h1>${organization.name}</h1>
<p class="lead">${kindLabels[organization.kind] ?? organization.kind}${organization.url ? html` · <a href="${organization.url}" rel="noopener">${organization.url}</a>` : ''}</p>
${organization.description ? html`<p>${organization.description}</p>` : ''}
${access.issuerId ? html`<p>Issuer identifier: <code class="identifier">${access.issuerId}</code> <span class="hint">(credentials it signs name this issuer)</span></p>` : ''}
<nav aria-label="Organization"><ul>
  <li><a href="/organizations/${organization.slug}/achievements">Achievements</a></li>
  ${access.role ? html`<li><a href="/organizations/${organization.slug}/members">Members</a></li>` : ''}
  ${access.canIssue ? html`<li><a href="/organizations/${organization.slug}/credentials">Issued credentials</a></li>` : ''}
  ${access.canIssue ? html`<li><a href="/organizations/${organization.slug}/bulk-awards">Bulk awards</a></li>` : ''}
  ${access.canManageAssessments ? html`<li><a href="/organizations/${organization.slug}/assessments">Assessments</a></li>` : ''}
  ${access.canReview ? html`<li><a href="/organizations/${organization.slug}/reviews">Reviews</a></li>` : ''}
  ${access.canManage ? html`<li><a href="/organizations/${organization.slug}/tokens">API tokens</a></li>` : ''}
  ${access.canManage ? html`<li><a href="/organizations/${organization.slug}/webhooks">Webhooks</a></li><li><a href="/organizations/${organization.slug}/lti">LMS connections (LTI)</a></li>` : ''}
  ${access.role && access.role !== 'assessor' ? html`<li><a href="/organizations/${organization.slug}/job-profiles">Job profiles</a></li><li><a href="/organizations/${organization.slug}/talent">Talent search</a></li>` : ''}
  ${access.canIssue ? html`<li><a href="/organizations/${organization.slug}/analytics">Analytics</a></li>` : ''}
</ul></nav>
${access.role ? html`<p>Your role: <strong>${access.role}</strong></p>` : ''}
${
  access.canManage
    ? html`<h2 id="settings-heading">Settings</h2>
${form.saved ? html`<div class="notice success" role="status">Saved.</div>` : ''}
${errorSummary(form.message, form.errors)}
<form class="stack" method="post" action="/organizations/${organization.slug}" aria-labelledby="settings-heading" novalidate>
  ${csrfInput(access.csrfToken)}
  ${field({ name: 'name', label: 'Name', value: organization.name, required: true, errors: form.errors })}
  ${selectField({ name: 'kind', label: 'Kind', value: organization.kind, choices: kindChoices, errors: form.errors })}
  ${field({ name: 'url', label: 'Website', type: 'url', value: organization.url, errors: form.errors })}
  ${field({ name: 'email', label: 'Contact email', type: 'email', value: organization.email, errors: form.errors })}
  ${field({ name: 'description', label: 'Description', value: organization.description, errors: form.errors })}
  ${field({ name: 'imageUrl', label: 'Logo URL', type: 'url', value: organization.imageUrl, hint: 'Shown in the credentials you issue.', errors: form.errors })}
  ${field({ name: 'country', label: 'Country', value: organization.country, hint: 'Two-letter code, e.g. DE: the country of the awarding body.', errors: form.errors })}
  <div><button type="submit">Save settings</button></div>
</form>`
    : ''
}`;
}
