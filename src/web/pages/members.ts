import { organizationRoles } from '../../domain/policy.ts';
import { csrfInput, errorSummary, type FieldErrors, field, selectField } from '../forms.ts';
import { type Html, html } from '../html.ts';

type Member = {
  accountId: string;
  displayName: string;
  email: string;
  role: string;
  since: string;
};

const roleChoices = organizationRoles.map(
  (role) => [role, role[0]!.toUpperCase() + role.slice(1)] as const,
);

export function membersPage(
  organization: { slug: string; name: string },
  members: Member[],
  access: { canManage: boolean; csrfToken?: string },
  form: {
    values?: Record<string, string>;
    message?: string;
    errors?: FieldErrors;
    notice?: string;
  } = {},
): Html {
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>Members</h1>
${form.notice ? html`<div class="notice success" role="status">${form.notice}</div>` : ''}
<div class="table-wrap"><table>
  <caption class="visually-hidden">Members of ${organization.name}</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th>${access.canManage ? html`<th scope="col">Actions</th>` : ''}</tr></thead>
  <tbody>${members.map(
    (m) =>
      html`<tr><td>${m.displayName}</td><td>${m.email}</td><td>${m.role}</td>${
        access.canManage
          ? html`<td><form class="inline-form" method="post" action="/organizations/${organization.slug}/members/${m.accountId}/remove">
            ${csrfInput(access.csrfToken)}<button class="danger" type="submit">Remove<span class="visually-hidden"> ${m.displayName}</span></button></form></td>`
          : ''
      }</tr>`,
  )}</tbody>
</table></div>
${
  access.canManage
    ? html`<h2 id="add-heading">Add a member or change a role</h2>
${errorSummary(form.message, form.errors)}
<form class="stack" method="post" action="/organizations/${organization.slug}/members" aria-labelledby="add-heading" novalidate>
  ${csrfInput(access.csrfToken)}
  ${field({ name: 'email', label: 'Their account email', type: 'email', value: form.values?.email, required: true, errors: form.errors })}
  ${selectField({ name: 'role', label: 'Role', value: form.values?.role ?? 'viewer', choices: roleChoices, errors: form.errors })}
  <div><button type="submit">Save member</button></div>
</form>`
    : ''
}`;
}
