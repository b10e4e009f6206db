import type { RoleProfile } from '../../services/role-profiles/index.ts';
import type { TalentSearchResult } from '../../services/talent-search/search.ts';
import type { CandidateProfile } from '../../services/talent-search/view-candidate.ts';
import { errorSummary, type FieldErrors, field, selectField } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type TalentSearchForm = {
  jobProfileId: string;
  skills: string;
  achievement: string;
  issuer: string;
  since: string;
};

type Evidence = CandidateProfile['skills'][number]['evidence'][number];

function evidenceLine(e: Evidence): Html {
  return html`${e.achievementName ?? 'Credential'} from ${e.issuerName ?? e.issuerId ?? 'unknown issuer'}${e.issuedOn ? html`, <time datetime="${e.issuedOn}">${e.issuedOn.slice(0, 10)}</time>` : ''}`;
}

function identity(c: {
  name: string | null;
  headline: string | null;
  location: string | null;
  contactEmail: string | null;
}) {
  return html`${c.headline || c.location ? html`<p>${[c.headline, c.location].filter(Boolean).join(' · ')}</p>` : ''}
${c.contactEmail ? html`<p>Contact: <a href="mailto:${c.contactEmail}">${c.contactEmail}</a></p>` : ''}`;
}

/** The employer's search form and, once searched, ranked candidates with their explanation. */
export function talentSearchPage(
  organization: { slug: string; name: string },
  jobProfiles: RoleProfile[],
  form: TalentSearchForm,
  result: TalentSearchResult | null,
  state: { message?: string; errors?: FieldErrors } = {},
): Html {
  const base = `/organizations/${organization.slug}`;
  return html`<p><a href="${base}">${organization.name}</a> · <a href="${base}/job-profiles">Job profiles</a></p>
<h1>Talent search</h1>
<p class="lead">Learners who opted in, ranked by how many required skills their verified credentials prove. Every search is logged, and learners see that your organization found them.</p>
${errorSummary(state.message, state.errors)}
<form class="stack wide" method="get" action="${base}/talent" role="search">
  ${selectField({ name: 'jobProfileId', label: 'Job profile', value: form.jobProfileId, choices: [['', 'None: use the skills below'], ...jobProfiles.map((p) => [p.id, p.title] as const)], errors: state.errors })}
  <div class="field">
    <label for="field-skills">Skills <span class="hint">(optional)</span></label>
    <span class="hint" id="field-skills-hint">Skill URIs (ESCO or framework), one per line; each is required.</span>
    <textarea id="field-skills" name="skills" rows="3" aria-describedby="field-skills-hint">${form.skills}</textarea>
  </div>
  ${field({ name: 'achievement', label: 'Credential name', value: form.achievement, hint: 'Part of a credential’s name, e.g. "Data Basics"', errors: state.errors })}
  ${field({ name: 'issuer', label: 'Issuer', value: form.issuer, hint: 'Part of the issuer’s name, or its id', errors: state.errors })}
  ${field({ name: 'since', label: 'Issued since', type: 'date', value: form.since, errors: state.errors })}
  <p><button type="submit">Search</button></p>
</form>
${result ? resultsSection(base, result) : ''}`;
}

function resultsSection(base: string, result: TalentSearchResult): Html {
  return html`<section aria-labelledby="results-heading">
<h2 id="results-heading">${result.candidates.length === 0 ? 'No candidates' : `${result.candidates.length} candidate${result.candidates.length === 1 ? '' : 's'}`}${result.jobProfile ? ` for ${result.jobProfile.title}` : ''}</h2>
${
  result.candidates.length === 0
    ? html`<p>No opted-in learner has verified credentials for these criteria.</p>`
    : html`<ol class="stack">${result.candidates.map(
        (c, index) => html`<li class="card">
  <h3><a href="${base}/talent/candidates/${c.candidateId}">${c.name ?? `Candidate ${index + 1}`}</a></h3>
  ${identity(c)}
  <p><strong>${c.required.covered} of ${c.required.total} required</strong>${c.niceToHave.total > 0 ? ` · ${c.niceToHave.covered} of ${c.niceToHave.total} nice-to-have` : ''}</p>
  <p class="explanation">${c.explanation}</p>
  <ul>${c.matches.map((m) => html`<li>${m.label}: ${m.evidence.map((e, i) => html`${i > 0 ? '; ' : ''}${evidenceLine(e)}`)}</li>`)}</ul>
</li>`,
      )}</ol>`
}
</section>`;
}

/** One candidate's visible profile: what they show, and every skill their credentials prove. */
export function candidatePage(
  organization: { slug: string; name: string },
  candidate: CandidateProfile,
): Html {
  const base = `/organizations/${organization.slug}`;
  return html`<p><a href="${base}/talent">Talent search</a></p>
<h1>${candidate.name ?? 'Anonymous candidate'}</h1>
${identity(candidate)}
<h2>Verified skills</h2>
${
  candidate.skills.length === 0
    ? html`<p>No verified skills to show.</p>`
    : html`<table>
  <caption>Skills proven by verified credentials</caption>
  <thead><tr><th scope="col">Skill</th><th scope="col">Credentials</th></tr></thead>
  <tbody>${candidate.skills.map(
    (s) =>
      html`<tr><th scope="row">${s.label}</th><td>${s.evidence.map((e, i) => html`${i > 0 ? html`<br>` : ''}${evidenceLine(e)}`)}</td></tr>`,
  )}</tbody>
</table>`
}`;
}
