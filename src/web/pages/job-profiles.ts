import type { RankedConcept } from '../../services/goals/understand-goal.ts';
import type { RoleProfile } from '../../services/role-profiles/index.ts';
import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';

type Org = { slug: string; name: string };
export type JobProfileState = { notice?: string; message?: string; errors?: FieldErrors };

/** The organization's job profiles and the form to define one, from an ESCO occupation or blank. */
export function jobProfilesPage(
  organization: Org,
  profiles: RoleProfile[],
  occupationQuery: string,
  occupations: RankedConcept[],
  canManage: boolean,
  csrfToken: string | undefined,
  state: JobProfileState = {},
): Html {
  const base = `/organizations/${organization.slug}/job-profiles`;
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a> · <a href="/organizations/${organization.slug}/talent">Talent search</a></p>
<h1>Job profiles</h1>
<p class="lead">Roles described as skills: required ones decide a candidate's rank, nice-to-have ones break ties.</p>
${state.notice ? html`<div class="notice success" role="status">${state.notice}</div>` : ''}
${errorSummary(state.message, state.errors)}
${
  profiles.length === 0
    ? html`<p>No job profiles yet.</p>`
    : html`<table>
  <caption>Job profiles of ${organization.name}</caption>
  <thead><tr><th scope="col">Title</th><th scope="col">Required</th><th scope="col">Nice to have</th><th scope="col">Actions</th></tr></thead>
  <tbody>${profiles.map(
    (p) => html`<tr>
    <th scope="row"><a href="${base}/${p.id}">${p.title}</a></th>
    <td>${p.skills.filter((s) => s.importance === 'required').length}</td>
    <td>${p.skills.filter((s) => s.importance === 'nice-to-have').length}</td>
    <td><a href="/organizations/${organization.slug}/talent?jobProfileId=${p.id}">Find candidates</a></td>
  </tr>`,
  )}</tbody>
</table>`
}
${canManage ? createSection(base, occupationQuery, occupations, csrfToken, state) : ''}`;
}

function createSection(
  base: string,
  occupationQuery: string,
  occupations: RankedConcept[],
  csrfToken: string | undefined,
  state: JobProfileState,
): Html {
  return html`<h2>New job profile</h2>
<form class="stack wide" method="get" action="${base}" role="search">
  ${field({ name: 'occupation', label: 'Start from an ESCO occupation', value: occupationQuery, hint: 'Describe the role, e.g. "data analyst"; its essential skills become required, optional ones nice to have' })}
  <p><button type="submit" class="secondary">Find occupations</button></p>
</form>
<form class="stack wide" method="post" action="${base}" novalidate>
  ${csrfInput(csrfToken)}
  ${
    occupations.length > 0
      ? html`<fieldset><legend>Occupation</legend>
    <div class="field checkbox"><input type="radio" id="occ-none" name="fromOccupationId" value="" checked><label for="occ-none">None: start blank</label></div>
    ${occupations.map(
      (o) =>
        html`<div class="field checkbox"><input type="radio" id="occ-${o.id}" name="fromOccupationId" value="${o.id}"><label for="occ-${o.id}">${o.label}</label></div>`,
    )}
  </fieldset>`
      : occupationQuery
        ? html`<p>No ESCO occupation matches “${occupationQuery}” (is ESCO imported?). You can start blank.</p>`
        : ''
  }
  ${field({ name: 'title', label: 'Title', required: true, errors: state.errors })}
  ${field({ name: 'description', label: 'Description', errors: state.errors })}
  <p><button type="submit">Create job profile</button></p>
</form>`;
}

type SkillHit = { id: string; statement: string; framework: { title: string } };

/** One job profile: title, description, each skill's importance and minimum level, delete. */
export function jobProfileEditPage(
  organization: Org,
  profile: RoleProfile,
  skillQuery: string,
  skillHits: SkillHit[],
  canManage: boolean,
  csrfToken: string | undefined,
  state: JobProfileState = {},
): Html {
  const base = `/organizations/${organization.slug}/job-profiles/${profile.id}`;
  const disabled = canManage ? '' : html` disabled`;
  return html`<p><a href="/organizations/${organization.slug}/job-profiles">Job profiles</a> · <a href="/organizations/${organization.slug}/talent?jobProfileId=${profile.id}">Find candidates</a></p>
<h1>${profile.title}</h1>
${profile.sourceOccupation ? html`<p>Started from the ESCO occupation <a href="${profile.sourceOccupation.uri}">${profile.sourceOccupation.label}</a>.</p>` : ''}
${state.notice ? html`<div class="notice success" role="status">${state.notice}</div>` : ''}
${errorSummary(state.message, state.errors)}
<form class="stack wide" method="post" action="${base}" novalidate>
  ${csrfInput(csrfToken)}
  ${field({ name: 'title', label: 'Title', value: profile.title, required: true, errors: state.errors })}
  ${field({ name: 'description', label: 'Description', value: profile.description, errors: state.errors })}
  ${
    profile.skills.length === 0
      ? html`<p>No skills yet: add some below.</p>`
      : html`<table>
    <caption>Skills</caption>
    <thead><tr><th scope="col">Skill</th><th scope="col">Importance</th><th scope="col">Minimum level</th></tr></thead>
    <tbody>${profile.skills.map(
      (s) => html`<tr>
      <th scope="row">${s.label}<input type="hidden" name="skill" value="${s.competencyId}"></th>
      <td><label class="visually-hidden" for="importance-${s.competencyId}">Importance of ${s.label}</label>
        <select id="importance-${s.competencyId}" name="importance-${s.competencyId}"${disabled}>
          ${(['required', 'nice-to-have', 'remove'] as const).map((v) => html`<option value="${v}"${s.importance === v ? html` selected` : ''}>${v === 'remove' ? 'Remove' : v === 'required' ? 'Required' : 'Nice to have'}</option>`)}
        </select></td>
      <td><label class="visually-hidden" for="minLevel-${s.competencyId}">Minimum level for ${s.label}</label>
        <input id="minLevel-${s.competencyId}" name="minLevel-${s.competencyId}" value="${s.minLevel ?? ''}" maxlength="100"${disabled}></td>
    </tr>`,
    )}</tbody>
  </table>`
  }
  ${canManage ? html`<p><button type="submit">Save job profile</button></p>` : ''}
</form>
${
  canManage
    ? html`<h2>Add skills</h2>
<form class="stack wide" method="get" action="${base}" role="search">
  ${field({ name: 'skillQuery', label: 'Find a skill', value: skillQuery, hint: 'Searches the competency frameworks known here' })}
  <p><button type="submit" class="secondary">Find skills</button></p>
</form>
${
  skillHits.length > 0
    ? html`<ul>${skillHits.map(
        (hit) => html`<li>${hit.statement} <span class="hint">(${hit.framework.title})</span>
  <form method="post" action="${base}/skills" class="inline-form">
    ${csrfInput(csrfToken)}<input type="hidden" name="competencyId" value="${hit.id}">
    <button type="submit" name="importance" value="required">Add as required</button>
    <button type="submit" name="importance" value="nice-to-have" class="secondary">Add as nice to have</button>
  </form></li>`,
      )}</ul>`
    : skillQuery
      ? html`<p>No skill matches “${skillQuery}”.</p>`
      : ''
}
<h2>Delete</h2>
<form method="post" action="${base}/delete">
  ${csrfInput(csrfToken)}
  <p><button type="submit" class="danger">Delete this job profile</button></p>
</form>`
    : ''
}`;
}
