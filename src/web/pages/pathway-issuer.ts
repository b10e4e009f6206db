/**
 * `/organizations/:slug/pathways`: an organization's pathways, each with a readable rendering
 * of its requirement tree; a form to define one (the tree as JSON), and the recognition rules
 * under which other issuers' credentials count.
 */
import type { Requirement } from '../../domain/pathways/requirement.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { textArea, textInput } from './form-controls.ts';

export type PathwayPageState = {
  pathwayForm?: { values: Record<string, string>; errors?: FieldErrors; message?: string };
  ruleForm?: { values: Record<string, string>; errors?: FieldErrors; message?: string };
  notice?: string;
};

type Named = { id: string; name: string };
type PathwayView = { id: string; title: string; achievementId: string; requirement: unknown };
type RuleView = {
  externalIssuerId: string;
  externalAchievementId: string | null;
  countsAsAchievementId: string | null;
  matchAlignments: boolean;
};

/** One requirement in words, nested as a list. */
export function requirementTree(node: Requirement, names: Map<string, string>): Html {
  const name = (id: string) => names.get(id) ?? id;
  switch (node.kind) {
    case 'achievement':
      return html`<li>Achievement: ${name(node.achievementId)}</li>`;
    case 'external-achievement':
      return html`<li>From another issuer: ${node.achievementId ?? 'any achievement'} of ${node.issuerId}${node.ects ? ` (${node.ects} ECTS)` : ''}</li>`;
    case 'competency':
      return html`<li>Competency: ${name(node.competencyId)}</li>`;
    case 'pathway':
      return html`<li>Pathway: ${name(node.pathwayId)}</li>`;
  }
  const heading =
    node.kind === 'all-of'
      ? 'All of'
      : node.kind === 'any-of'
        ? 'Any one of'
        : node.kind === 'n-of'
          ? `${node.n} of`
          : `At least ${node.ects} ECTS from`;
  return html`<li>${heading}:<ul>${node.of.map((child) => requirementTree(child, names))}</ul></li>`;
}

const example = JSON.stringify(
  {
    kind: 'all-of',
    of: [
      { kind: 'achievement', achievementId: '…' },
      { kind: 'n-of', n: 1, of: [{ kind: 'achievement', achievementId: '…' }] },
    ],
  },
  null,
  2,
);

function achievementSelect(
  name: string,
  label: string,
  achievements: Named[],
  values: Record<string, string>,
  errors: FieldErrors | undefined,
  optional: boolean,
): Html {
  const id = `field-${name}`;
  const error = errors?.[name];
  return html`<div class="field">
  <label for="${id}">${label}${optional ? html` <span class="hint">(optional)</span>` : ''}</label>
  ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}
  <select id="${id}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
    ${optional ? html`<option value="">None</option>` : ''}
    ${achievements.map((a) => html`<option value="${a.id}"${values[name] === a.id ? html` selected` : ''}>${a.name}</option>`)}
  </select>
</div>`;
}

export function pathwaysIssuerPage(
  organization: { slug: string; name: string },
  pathways: PathwayView[],
  rules: RuleView[],
  achievements: Named[],
  csrfToken: string | undefined,
  state: PathwayPageState = {},
): Html {
  const names = new Map<string, string>([
    ...achievements.map((a): [string, string] => [a.id, a.name]),
    ...pathways.map((p): [string, string] => [p.id, p.title]),
  ]);
  const pathwayValues = state.pathwayForm?.values ?? {};
  const ruleValues = state.ruleForm?.values ?? {};
  return html`<h1>Pathways of ${organization.name}</h1>
<p class="lead">A pathway stacks credentials into a larger qualification. When a learner meets its requirements, its own credential is issued to them automatically, once.</p>
${state.notice ? html`<div class="notice success" role="status"><p>${state.notice}</p></div>` : ''}
<section aria-labelledby="list-heading">
<h2 id="list-heading">Pathways</h2>
${
  pathways.length === 0
    ? html`<p>No pathways yet.</p>`
    : pathways.map(
        (p) => html`<article aria-labelledby="pathway-${p.id}">
<h3 id="pathway-${p.id}"><a href="/pathways/${p.id}">${p.title}</a></h3>
<p>Credential issued on completion: ${names.get(p.achievementId) ?? p.achievementId}</p>
<ul class="pathway-tree">${requirementTree(p.requirement as Requirement, names)}</ul>
</article>`,
      )
}
</section>
<section aria-labelledby="new-heading">
<h2 id="new-heading">Define a pathway</h2>
${errorSummary(state.pathwayForm?.message, state.pathwayForm?.errors)}
<form class="stack wide" method="post" action="/organizations/${organization.slug}/pathways" aria-labelledby="new-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${textInput({ name: 'title', label: 'Title', values: pathwayValues, errors: state.pathwayForm?.errors, required: true })}
  ${textArea({ name: 'description', label: 'Description', values: pathwayValues, errors: state.pathwayForm?.errors, rows: 3 })}
  ${achievementSelect('achievementId', 'Credential issued on completion', achievements, pathwayValues, state.pathwayForm?.errors, false)}
  ${textArea({ name: 'requirement', label: 'Requirements (JSON)', values: pathwayValues, errors: state.pathwayForm?.errors, rows: 12, required: true, hint: `Groups: all-of, any-of, n-of (with n), min-ects (with ects), each with "of": [...]. Leaves: achievement (achievementId), external-achievement (issuerId, achievementId), competency (competencyId), pathway (pathwayId). Example: ${example}` })}
  <div><button type="submit">Create pathway</button></div>
</form>
</section>
<section aria-labelledby="rules-heading">
<h2 id="rules-heading">Recognition of prior learning</h2>
<p>Credentials from other issuers that learners import into their wallet count for your achievements, once they verify, when a rule below accepts them.</p>
${
  rules.length === 0
    ? html`<p>No recognition rules yet.</p>`
    : html`<ul>${rules.map(
        (r) =>
          html`<li>${r.externalAchievementId ?? 'Any achievement'} from ${r.externalIssuerId} counts as ${r.countsAsAchievementId ? (names.get(r.countsAsAchievementId) ?? r.countsAsAchievementId) : 'whichever of your achievements it matches'}${r.matchAlignments ? ' (when its alignments cover the achievement’s)' : ''}</li>`,
      )}</ul>`
}
${errorSummary(state.ruleForm?.message, state.ruleForm?.errors)}
<form class="stack" method="post" action="/organizations/${organization.slug}/recognition-rules" aria-labelledby="rules-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${textInput({ name: 'externalIssuerId', label: 'Issuer id of the other issuer', values: ruleValues, errors: state.ruleForm?.errors, required: true })}
  ${textInput({ name: 'externalAchievementId', label: 'Their achievement id', values: ruleValues, errors: state.ruleForm?.errors, hint: 'Leave empty to accept any of their achievements.' })}
  ${achievementSelect('countsAsAchievementId', 'Counts as', achievements, ruleValues, state.ruleForm?.errors, true)}
  <div class="field"><label><input type="checkbox" name="matchAlignments" value="true"${ruleValues.matchAlignments ? html` checked` : ''}> Match by competency alignments</label></div>
  <div><button type="submit">Add rule</button></div>
</form>
</section>`;
}
