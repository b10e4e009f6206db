import type { SubmissionView } from '../../services/projects/index.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { textArea } from './form-controls.ts';
import { workSection } from './project-submission.ts';
import { statusLabels } from './project-submit.ts';
import { levelSummary, rubricRadioGroups } from './review-rubric.ts';

export type ReviewFormState = {
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
  notice?: string;
};

const percent = (value: number) => `${Math.round(value * 100)}%`;

function similaritySection(view: SubmissionView): Html {
  const flags = view.similarity ?? [];
  return html`<section aria-labelledby="similarity-heading"><h2 id="similarity-heading">Similarity</h2>
${
  flags.length === 0
    ? html`<p>No similar passages were found in other learners' submissions.</p>`
    : flags.map(
        (
          flag,
        ) => html`<div class="notice error"><p><strong>${percent(flag.containment)}</strong> of the shorter text also appears in <a href="/reviews/${flag.submissionId}">another learner's submission</a> (Jaccard ${flag.jaccard}).</p>
${flag.passages.map((p) => html`<blockquote><p>${p.text}</p></blockquote><p class="hint">There: “${p.otherText}”</p>`)}</div>`,
      )
}</section>`;
}

function peerSection(view: SubmissionView): Html {
  if (view.assessmentKind !== 'peer-review') return html``;
  const criteria = view.rubric.criteria;
  const score = view.peerScore;
  return html`<section aria-labelledby="peers-heading"><h2 id="peers-heading">Peer reviews</h2>
${
  score
    ? html`<p>Combined from ${score.reviewCount} reviews (median weighted by agreement; agreement ${percent(score.agreement)}):</p>
<dl>${criteria.map((c) => html`<dt>${c.title}</dt><dd>${score.criteria[c.id] ? `${score.criteria[c.id]!.level} (median ${score.criteria[c.id]!.median})` : 'not scored'}</dd>`)}</dl>`
    : html`<p>No peer review is complete yet. Your decision does not need to wait for them.</p>`
}
${(view.peerReviews ?? []).map((r, i) => html`<details><summary>Peer review ${i + 1}</summary>${levelSummary(criteria, r.levels)}${r.feedback ? html`<p>${r.feedback}</p>` : ''}</details>`)}
</section>`;
}

/** The assessor's page: the work, similarity and peer scores, then the rubric scoring form. */
export function reviewPage(
  view: SubmissionView,
  csrfToken: string | undefined,
  state: ReviewFormState = {},
): Html {
  const decided = view.status !== 'submitted';
  const values = state.values ?? {};
  const peerHint = Object.fromEntries(
    Object.entries(view.peerScore?.criteria ?? {}).map(([id, s]) => [id, `Peers: ${s.level}`]),
  );
  return html`<h1>Review: ${view.assessmentTitle}</h1>
${state.notice ? html`<div class="notice success" role="status"><p>${state.notice}</p></div>` : ''}
<p>By <strong>${view.learner?.displayName ?? ''}</strong>, version ${view.version}, submitted ${view.submittedAt.slice(0, 10)}. Status: ${statusLabels[view.status ?? ''] ?? view.status}.</p>
${workSection(view)}
${similaritySection(view)}
${peerSection(view)}
${
  decided
    ? html`<section aria-labelledby="decision-heading"><h2 id="decision-heading">Decision</h2>${levelSummary(view.rubric.criteria, view.decision?.levels)}${view.decision?.feedback ? html`<p>${view.decision.feedback}</p>` : ''}</section>`
    : html`<section aria-labelledby="score-heading"><h2 id="score-heading">Score and decide</h2>
${errorSummary(state.message, state.errors)}
<form class="stack wide" method="post" action="/reviews/${view.id}" aria-labelledby="score-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${rubricRadioGroups(view.rubric.criteria, values, state.errors, peerHint)}
  ${textArea({ name: 'feedback', label: 'Feedback to the learner', values, errors: state.errors, rows: 5 })}
  <fieldset id="field-decision"${state.errors?.decision ? html` aria-describedby="decision-error"` : ''}>
    <legend>Decision</legend>
    ${state.errors?.decision ? html`<span class="field-error" id="decision-error">${state.errors.decision}</span>` : ''}
    <div class="field checkbox"><input type="radio" id="decision-accept" name="decision" value="accept"${values.decision === 'accept' ? html` checked` : ''}><label for="decision-accept">Accept: records the levels as evidence of each competency</label></div>
    <div class="field checkbox"><input type="radio" id="decision-resubmit" name="decision" value="resubmit"${values.decision === 'resubmit' ? html` checked` : ''}><label for="decision-resubmit">Request a resubmission</label></div>
  </fieldset>
  <div><button type="submit">Save decision</button></div>
</form></section>`
}`;
}
