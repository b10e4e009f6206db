import type { SubmissionView } from '../../services/projects/index.ts';
import type { PeerTask } from '../../services/projects/reviews.ts';
import { csrfInput, errorSummary } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { textArea } from './form-controls.ts';
import { workSection } from './project-submission.ts';
import type { ReviewFormState } from './review-form.ts';
import { levelSummary, rubricRadioGroups, rubricTable } from './review-rubric.ts';

/** The learner's peer-review tasks; authors are never named. */
export function peerReviewsPage(tasks: PeerTask[]): Html {
  const open = tasks.filter((t) => !t.completedAt);
  const done = tasks.filter((t) => t.completedAt);
  const item = (t: PeerTask, index: number) =>
    html`<li><a href="/peer-reviews/${t.reviewId}">${t.assessmentTitle}: submission ${index + 1}</a></li>`;
  return html`<h1>Peer reviews</h1>
<p>Review other learners' work against the rubric. They will not see who you are, and you do not see who they are.</p>
<h2>To do</h2>
${open.length === 0 ? html`<p>No reviews are waiting for you.</p>` : html`<ul>${open.map(item)}</ul>`}
${done.length > 0 ? html`<h2>Done</h2><ul>${done.map(item)}</ul>` : ''}`;
}

/** One anonymous submission with the rubric form. */
export function peerReviewPage(
  task: {
    reviewId: string;
    completed: boolean;
    levels: Record<string, number> | null;
    feedback: string | null;
  },
  view: SubmissionView,
  csrfToken: string | undefined,
  state: ReviewFormState = {},
): Html {
  const criteria = view.rubric.criteria;
  return html`<p><a href="/peer-reviews">Peer reviews</a></p>
<h1>Peer review: ${view.assessmentTitle}</h1>
${state.notice ? html`<div class="notice success" role="status"><p>${state.notice}</p></div>` : ''}
${workSection(view)}
${
  task.completed
    ? html`<section aria-labelledby="yours-heading"><h2 id="yours-heading">Your review</h2>${levelSummary(criteria, task.levels)}${task.feedback ? html`<p>${task.feedback}</p>` : ''}</section>`
    : html`<section aria-labelledby="score-heading"><h2 id="score-heading">Your review</h2>
${rubricTable(criteria)}
${errorSummary(state.message, state.errors)}
<form class="stack wide" method="post" action="/peer-reviews/${task.reviewId}" aria-labelledby="score-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${rubricRadioGroups(criteria, state.values ?? {}, state.errors)}
  ${textArea({ name: 'feedback', label: 'Feedback', values: state.values ?? {}, errors: state.errors, rows: 5, hint: 'Say what works and what could be better. Your name is not shown.' })}
  <div><button type="submit">Send review</button></div>
</form></section>`
}`;
}
