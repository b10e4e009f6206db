/**
 * `/goals`: the learner's goals and the way to set one without JavaScript: type what you want to
 * become → pick one of the ranked occupations (or one of your role profiles) → the goal page.
 */
import type { RankedConcept } from '../../services/goals/understand-goal.ts';
import type { GoalView } from '../../services/recommendations/goals.ts';
import type { RoleProfile } from '../../services/role-profiles/index.ts';
import { csrfInput, errorSummary } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type GoalsPageState = {
  text?: string;
  candidates?: RankedConcept[];
  message?: string;
};

export function goalsPage(
  goals: GoalView[],
  profiles: RoleProfile[],
  csrf: string | undefined,
  state: GoalsPageState = {},
): Html {
  return html`<h1>My goals</h1>
<p class="lead">Say where you want to go. Skillmark compares the job's skills with what you have proven and recommends the shortest stack of micro-credentials that closes the gap.</p>
${
  goals.length > 0
    ? html`<section aria-labelledby="goals-heading"><h2 id="goals-heading">Your goals</h2><ul>${goals.map(
        (g) =>
          html`<li><a href="/goals/${g.id}">${g.target.label}</a> <span class="hint">(${g.target.kind === 'occupation' ? 'ESCO occupation' : 'role profile'}${g.statedText ? html`, from "${g.statedText}"` : ''})</span></li>`,
      )}</ul></section>`
    : ''
}
<section aria-labelledby="new-goal-heading" class="card">
  <h2 id="new-goal-heading">Set a goal</h2>
  ${errorSummary(state.message)}
  <form method="post" action="/goals/understand">
    ${csrfInput(csrf)}
    <div class="field">
      <label for="field-text">What job do you want?</label>
      <span class="hint" id="field-text-hint">A job title ("data engineer") or a few sentences about the work you want to do.</span>
      <textarea id="field-text" name="text" rows="3" required aria-describedby="field-text-hint">${state.text ?? ''}</textarea>
    </div>
    <button type="submit">Find matching occupations</button>
  </form>
  ${state.candidates ? candidateForm(state.candidates, profiles, state.text ?? '', csrf) : profiles.length > 0 ? candidateForm([], profiles, '', csrf) : ''}
</section>`;
}

function candidateForm(
  candidates: RankedConcept[],
  profiles: RoleProfile[],
  text: string,
  csrf: string | undefined,
): Html {
  if (candidates.length === 0 && profiles.length === 0)
    return html`<p role="status">No occupation matches yet. Try other words, or ask an administrator to import ESCO (<code>skillmark import esco</code>).</p>`;
  return html`<form method="post" action="/goals">
  ${csrfInput(csrf)}
  <input type="hidden" name="statedText" value="${text}">
  <fieldset>
    <legend>Choose your goal</legend>
    ${candidates.map(
      (
        o,
        i,
      ) => html`<div class="choice"><input type="radio" id="occupation-${i}" name="target" value="occupation:${o.id}"${i === 0 ? html` checked` : ''} required>
      <label for="occupation-${i}">${o.label} <span class="hint">(ESCO occupation)</span></label></div>`,
    )}
    ${profiles.map(
      (
        p,
        i,
      ) => html`<div class="choice"><input type="radio" id="profile-${i}" name="target" value="role-profile:${p.id}"${candidates.length === 0 && i === 0 ? html` checked` : ''} required>
      <label for="profile-${i}">${p.title} <span class="hint">(role profile, ${p.skills.length} skills)</span></label></div>`,
    )}
  </fieldset>
  <button type="submit">Set this goal</button>
</form>`;
}
