/**
 * `/goals/:id`: the gap chart (each skill a labelled bar with its status in words, so nothing
 * relies on colour), the recommended pathway with reasons and one-click "Start", the options
 * (optimize by, budget, excluded issuers) as a plain GET form, and the alternatives.
 */
import type { GapSkill } from '../../domain/recommendations/gap.ts';
import type { Plan } from '../../domain/recommendations/plan.ts';
import type { GoalRecommendation } from '../../services/recommendations/recommend-for-goal.ts';
import type { StartLink } from '../../services/recommendations/start-links.ts';
import { csrfInput } from '../forms.ts';
import { type Html, html } from '../html.ts';

const statusWords: Record<GapSkill['status'], string> = {
  covered: 'Covered',
  'partly-covered': 'Partly covered',
  missing: 'Missing',
};
const statusClass: Record<GapSkill['status'], string> = {
  covered: 'status-active',
  'partly-covered': '',
  missing: 'status-suspended',
};

const percent = (share: number) => `${Math.round(share * 100)}%`;
const hours = (h: number) => `${Math.round(h * 10) / 10} h`;

function gapChart(data: GoalRecommendation): Html {
  const { gap } = data;
  const counts = { covered: 0, 'partly-covered': 0, missing: 0 };
  for (const s of gap.skills) counts[s.status]++;
  return html`<section aria-labelledby="gap-heading">
  <h2 id="gap-heading">Your skill gap</h2>
  <p id="gap-summary"><strong>${percent(gap.totals.coveredShare)}</strong> of the goal's weighted skills are shown already: ${counts.covered} covered, ${counts['partly-covered']} partly covered, ${counts.missing} missing. Required skills weigh 1, nice-to-have ones 0.3.</p>
  <div class="table-wrap"><table class="gap-chart">
    <caption class="visually-hidden">Each skill of the goal, how much of it you have shown, and why</caption>
    <thead><tr><th scope="col">Skill</th><th scope="col">Importance</th><th scope="col">Status</th><th scope="col">Shown</th><th scope="col">Why</th></tr></thead>
    <tbody>${gap.skills.map(
      (s) => html`<tr>
        <th scope="row">${s.label}</th>
        <td>${s.importance === 'required' ? 'Required' : 'Nice to have'}</td>
        <td><span class="status ${statusClass[s.status]}">${statusWords[s.status]}</span></td>
        <td><progress max="100" value="${Math.round(s.coveredFraction * 100)}" aria-label="${s.label}: ${percent(s.coveredFraction)} shown">${percent(s.coveredFraction)}</progress> ${percent(s.coveredFraction)}</td>
        <td>${s.reason}</td>
      </tr>`,
    )}</tbody>
  </table></div>
</section>`;
}

function startControl(link: StartLink | undefined, name: string, csrf: string | undefined): Html {
  if (!link) return html``;
  if (link.kind === 'quiz')
    return html`<form method="post" action="${link.href}" class="inline">${csrfInput(csrf)}<button type="submit">Start "${name}"</button></form>`;
  if (link.kind === 'project')
    return html`<a class="button" href="${link.href}">Start "${name}"</a>`;
  return html`<a href="${link.href}">About "${name}"</a>`;
}

function steps(
  plan: Plan,
  data: GoalRecommendation,
  csrf: string | undefined,
  withStart: boolean,
): Html {
  if (plan.steps.length === 0)
    return html`<p>${data.gap.totals.need === 0 ? 'Nothing to do: you have shown every skill of this goal.' : 'No available micro-credential closes the remaining gap with these options.'}</p>`;
  const label = new Map(data.gap.skills.map((s) => [s.competencyId, s.label]));
  return html`<ol class="recommended-pathway">${plan.steps.map(
    (step) => html`<li class="card">
    <h3>${step.name}</h3>
    <p class="hint">${step.issuerName} · workload ${hours(step.workloadHours)}${step.price ? html` · ${step.price.amount.toFixed(2)} ${step.price.currency}` : ''}</p>
    ${step.closes.length > 0 ? html`<p>Closes: ${step.closes.map((id, i) => html`${i > 0 ? ', ' : ''}${label.get(id) ?? id}`)}</p>` : ''}
    <p><strong>Why here:</strong> ${step.reason}</p>
    ${withStart ? startControl(data.start[step.achievementId], step.name, csrf) : ''}
  </li>`,
  )}</ol>`;
}

function totals(plan: Plan): string {
  const money =
    plan.totals.amount > 0 ? `, ${plan.totals.amount.toFixed(2)} ${plan.totals.currency}` : '';
  return `${plan.steps.length} micro-credential${plan.steps.length === 1 ? '' : 's'}, ${hours(plan.totals.hours)}${money}; closes ${percent(plan.coverage.ofGap)} of the gap`;
}

function optionsForm(data: GoalRecommendation): Html {
  const o = data.options;
  return html`<form method="get" action="/goals/${data.goal.id}" class="card">
  <h2 id="options-heading">Options</h2>
  <fieldset><legend>Optimize by</legend>
    <div class="choice"><input type="radio" id="optimize-workload" name="optimize" value="workload"${o.optimize === 'workload' ? html` checked` : ''}><label for="optimize-workload">Least workload</label></div>
    <div class="choice"><input type="radio" id="optimize-cost" name="optimize" value="cost"${o.optimize === 'cost' ? html` checked` : ''}><label for="optimize-cost">Least cost</label></div>
  </fieldset>
  <div class="field"><label for="field-budgetHours">Budget in hours <span class="hint">(optional)</span></label>
    <input id="field-budgetHours" name="budgetHours" type="number" min="1" step="any" value="${o.budgetHours ?? ''}"></div>
  <div class="field"><label for="field-budgetAmount">Budget in ${o.currency} <span class="hint">(optional)</span></label>
    <input id="field-budgetAmount" name="budgetAmount" type="number" min="1" step="any" value="${o.budgetAmount ?? ''}"></div>
  <div class="field"><label for="field-excludeIssuers">Leave out issuers <span class="hint">(optional)</span></label>
    <span class="hint" id="field-excludeIssuers-hint">Organization short names, separated by commas.</span>
    <input id="field-excludeIssuers" name="excludeIssuers" value="${o.excludeIssuers.join(', ')}" aria-describedby="field-excludeIssuers-hint"></div>
  <button type="submit">Recommend again</button>
</form>`;
}

export function goalDetailPage(data: GoalRecommendation, csrf: string | undefined): Html {
  const r = data.recommendation;
  return html`<h1>Goal: ${data.goal.target.label}</h1>
${data.goal.statedText ? html`<p class="lead">You said: "${data.goal.statedText}"</p>` : ''}
${gapChart(data)}
<section aria-labelledby="pathway-heading">
  <h2 id="pathway-heading">Recommended pathway</h2>
  <p id="pathway-totals">${totals(r)}.${r.uncoverable.length > 0 ? ` ${r.uncoverable.length} skill${r.uncoverable.length === 1 ? '' : 's'} no available micro-credential covers yet.` : ''}</p>
  ${steps(r, data, csrf, true)}
  <p class="hint">Chosen by ${r.method === 'exact' ? 'an exact integer program' : 'greedy set cover'} over ${r.optimizer.candidates} candidate micro-credentials${r.optimizer.optimalityGap !== null ? `; the greedy baseline is ${percent(r.optimizer.optimalityGap)} above the optimum` : ''}.</p>
</section>
${
  r.alternatives.length > 0
    ? html`<section aria-labelledby="alternatives-heading"><h2 id="alternatives-heading">Alternatives</h2>${r.alternatives.map(
        (alt) =>
          html`<details><summary>Without "${alt.without.name}": ${totals(alt)}</summary>${steps(alt, data, csrf, false)}</details>`,
      )}</section>`
    : ''
}
${optionsForm(data)}
<section aria-labelledby="settings-heading" class="card">
  <h2 id="settings-heading">What counts as proven</h2>
  <p>Verified credentials always count. Competencies you mastered in learning here count only if you allow it.</p>
  <form method="post" action="/goals/settings">
    ${csrfInput(csrf)}
    <input type="hidden" name="back" value="/goals/${data.goal.id}">
    <div class="choice"><input type="checkbox" id="field-countInProgressMastery" name="countInProgressMastery" value="true"${data.countInProgressMastery ? html` checked` : ''}>
    <label for="field-countInProgressMastery">Count competencies I mastered in learning here</label></div>
    <button type="submit">Save</button>
  </form>
  <form method="post" action="/goals/${data.goal.id}/delete">${csrfInput(csrf)}<button type="submit" class="secondary">Remove this goal</button></form>
</section>`;
}
