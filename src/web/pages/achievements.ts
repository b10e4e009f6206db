import type { AchievementInput } from '../../domain/achievement.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { termLabel } from './achievement-form.ts';
import { euElementRows } from './achievement-labels.ts';
import { type EndorsementSummary, endorsementsSection } from './endorsement-section.ts';
import { choice, textArea, textInput } from './form-controls.ts';

type Organization = { slug: string; name: string };

export type AchievementSummary = { id: string; definition: AchievementInput };

/** Where people read an achievement (its `id` URL serves the JSON-LD document to machines). */
export function achievementPagePath(slug: string, id: string): string {
  return `/organizations/${slug}/achievements/${id}`;
}

function facts(definition: AchievementInput): string {
  return [
    termLabel(definition.achievementType),
    definition.creditsAvailable !== undefined ? `${definition.creditsAvailable} ECTS` : '',
    definition.euElements.eqfLevel !== undefined ? `EQF ${definition.euElements.eqfLevel}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The published achievements of an organization; anyone may read them. */
export function achievementsPage(
  organization: Organization,
  achievements: AchievementSummary[],
  access: { canManage: boolean; issuerId: string },
): Html {
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>Achievements</h1>
<p>Micro-credentials and badges that ${organization.name} awards. Each one it signs names the issuer
<code class="identifier">${access.issuerId}</code>.</p>
${access.canManage ? html`<p><a class="button" href="/organizations/${organization.slug}/achievements/new">New achievement</a></p>` : ''}
${
  achievements.length === 0
    ? html`<p>No achievements are published yet.</p>`
    : html`<ul class="cards">${achievements.map(
        (a) => html`<li class="card">
  <h2><a href="${achievementPagePath(organization.slug, a.id)}">${a.definition.name}</a></h2>
  <p class="hint">${facts(a.definition)}</p>
  <p>${a.definition.description}</p>
</li>`,
      )}</ul>`
}`;
}

export type AwardState = {
  /** A confirmation shown at the top of the page. */
  notice?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
  /** The path of the credential just issued. */
  issuedPath?: string;
};

export type AchievementPageModel = {
  organization: Organization;
  achievement: AchievementSummary & { archived: boolean; documentUrl: string };
  issuer: { id: string; name: string; url?: string };
  access: { canManage: boolean; canIssue: boolean; csrfToken?: string };
  endorsements?: EndorsementSummary[];
};

function definitionDetails(definition: AchievementInput): Html {
  return html`<h2>How it is earned</h2>
<p>${definition.criteria.narrative}</p>
${definition.criteria.id ? html`<p><a href="${definition.criteria.id}" rel="noopener">Full criteria</a></p>` : ''}
<h2>Micro-credential details</h2>
<dl>${euElementRows(definition).map(
    ([label, value]) =>
      html`<dt>${label}</dt><dd>${Array.isArray(value) ? html`<ul>${value.map((item) => html`<li>${item}</li>`)}</ul>` : value}</dd>`,
  )}${
    definition.euElements.furtherInformation
      ? html`<dt>Further information</dt><dd><a href="${definition.euElements.furtherInformation}" rel="noopener">${definition.euElements.furtherInformation}</a></dd>`
      : ''
  }${definition.tags.length > 0 ? html`<dt>Tags</dt><dd>${definition.tags.join(', ')}</dd>` : ''}</dl>
${
  definition.alignments.length > 0
    ? html`<h2>Skills and competencies</h2><ul>${definition.alignments.map(
        (a) =>
          html`<li><a href="${a.targetUrl}" rel="noopener">${a.targetName}</a>${a.targetFramework ? html` <span class="hint">(${a.targetFramework})</span>` : ''}${a.targetCode ? html` <span class="hint">${a.targetCode}</span>` : ''}${a.targetDescription ? html`: ${a.targetDescription}` : ''}</li>`,
      )}</ul>`
    : ''
}`;
}

function awardForm(model: AchievementPageModel, state: AwardState): Html {
  const { organization, achievement, access } = model;
  const values = state.values ?? {};
  const v = { values, errors: state.errors };
  const results = achievement.definition.resultDescriptions ?? [];
  return html`<section aria-labelledby="award-heading">
<h2 id="award-heading">Award this achievement</h2>
${state.issuedPath ? html`<div class="notice success" role="status"><p><strong>Awarded.</strong> The signed credential is at <a href="${state.issuedPath}">${state.issuedPath}</a>. Send that link to the learner.</p></div>` : ''}
${errorSummary(state.message, state.errors)}
<form class="stack" method="post" action="${achievementPagePath(organization.slug, achievement.id)}/award" aria-labelledby="award-heading" novalidate>
  ${csrfInput(access.csrfToken)}
  ${textInput({ ...v, name: 'recipient', label: 'Recipient', required: true, hint: 'Their email address, or their DID (such as did:key:z6Mk…). An email is stored in the credential only as a salted hash.' })}
  ${textArea({ ...v, name: 'narrative', label: 'What they did', rows: 3 })}
  ${textInput({ ...v, name: 'evidenceUrl', label: 'Evidence URL', type: 'url', hint: 'A link to their work, such as a portfolio page.' })}
  ${results.length > 0 ? choice({ ...v, name: 'resultDescription', label: 'Result for', choices: results.map((r, index) => [String(index), r.name] as const) }) : ''}
  ${textInput({ ...v, name: 'resultValue', label: 'Result', hint: 'A grade or score, if there is one.' })}
  <div class="field checkbox">
    <input id="field-suspendable" name="suspendable" type="checkbox" value="yes"${values.suspendable ? html` checked` : ''} aria-describedby="field-suspendable-hint">
    <label for="field-suspendable">Can be suspended</label>
    <span class="hint" id="field-suspendable-hint">Lets you suspend and reinstate the credential later. Without it, the credential can only be revoked, for good.</span>
  </div>
  <div><button type="submit">Award</button></div>
</form>
</section>`;
}

/** An achievement for people: definition, EU elements, issuer; and the award form for issuers. */
export function achievementPage(model: AchievementPageModel, award: AwardState = {}): Html {
  const { organization, achievement, issuer, access } = model;
  const definition = achievement.definition;
  const showAward = access.canIssue && !achievement.archived;
  return html`<p><a href="/organizations/${organization.slug}/achievements">Achievements of ${organization.name}</a></p>
${award.notice ? html`<div class="notice success" role="status">${award.notice}</div>` : ''}
${showAward ? '' : errorSummary(award.message, award.errors)}
<article aria-labelledby="achievement-title">
<p class="hint">${facts(definition)}</p>
<h1 id="achievement-title">${definition.name}</h1>
${achievement.archived ? html`<div class="notice" role="status"><p>This achievement is archived: it is no longer awarded. Credentials already issued stay valid.</p></div>` : ''}
<p class="lead">${definition.description}</p>
<dl>
  <dt>Issued by</dt><dd><a href="/organizations/${organization.slug}">${issuer.name}</a>${issuer.url ? html` · <a href="${issuer.url}" rel="noopener">${issuer.url}</a>` : ''}</dd>
  <dt>Issuer identifier</dt><dd><code class="identifier">${issuer.id}</code></dd>
</dl>
${definitionDetails(definition)}
${endorsementsSection(model.endorsements)}
<p><a href="${achievement.documentUrl}" type="application/ld+json">Open Badges 3.0 definition (JSON-LD)</a>${access.canManage ? html` · <a href="${achievementPagePath(organization.slug, achievement.id)}/edit">Edit</a>` : ''}</p>
</article>
${showAward ? awardForm(model, award) : ''}`;
}

/** A page a signed-in person may not use, saying why and where to go instead. */
export function notAllowedPage(organization: Organization, reason: string): Html {
  return html`<h1>Not allowed</h1>
<p>${reason} Ask an owner of <a href="/organizations/${organization.slug}">${organization.name}</a> for the issuer role.</p>`;
}
