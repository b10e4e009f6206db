import type { SubmissionView } from '../../services/projects/index.ts';
import { type Html, html } from '../html.ts';
import { statusLabels } from './project-submit.ts';
import { levelSummary } from './review-rubric.ts';

/** The work itself: text, links and files (shared by every audience's page). */
export function workSection(view: SubmissionView): Html {
  return html`<section aria-labelledby="work-heading">
<h2 id="work-heading">Submitted work</h2>
${view.text ? html`<div class="submission-text">${view.text.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>` : html`<p class="hint">No text.</p>`}
${view.links.length > 0 ? html`<h3>Links</h3><ul>${view.links.map((l) => html`<li><a href="${l}" rel="noopener noreferrer nofollow">${l}</a></li>`)}</ul>` : ''}
${view.files.length > 0 ? html`<h3>Files</h3><ul>${view.files.map((f) => html`<li><a href="${f.url}" download>${f.name}</a> <span class="hint">(${f.mediaType}, ${f.size} bytes)</span></li>`)}</ul>` : ''}
</section>`;
}

/** The learner's view of one version: status, assessor feedback, anonymous peer reviews. */
export function submissionPage(view: SubmissionView): Html {
  const criteria = view.rubric.criteria;
  return html`<p><a href="/assessments/${view.assessmentId}/submit">${view.assessmentTitle}</a></p>
<h1>Your submission, version ${view.version}</h1>
<p><strong>Status:</strong> ${statusLabels[view.status ?? ''] ?? view.status}${view.status === 'resubmission-requested' ? html` · <a href="/assessments/${view.assessmentId}/submit">Submit a new version</a>` : ''}</p>
<p class="hint">Submitted ${view.submittedAt.slice(0, 10)}. ${view.shareAsEvidence ? 'You allowed this work to be shown as evidence in your credential.' : 'This work is not shown in your credential.'}</p>
${
  view.decision
    ? html`<section aria-labelledby="feedback-heading"><h2 id="feedback-heading">Assessor feedback</h2>
${levelSummary(criteria, view.decision.levels)}
${view.decision.feedback ? html`<p>${view.decision.feedback}</p>` : ''}</section>`
    : ''
}
${
  view.peerReviews && view.peerReviews.length > 0
    ? html`<section aria-labelledby="peer-heading"><h2 id="peer-heading">Peer reviews</h2>
<p class="hint">Peer reviewers stay anonymous.</p>
${view.peerReviews.map(
  (
    r,
    index,
  ) => html`<article aria-labelledby="peer-${index}"><h3 id="peer-${index}">Reviewer ${index + 1}</h3>
${levelSummary(criteria, r.levels)}${r.feedback ? html`<p>${r.feedback}</p>` : ''}</article>`,
)}</section>`
    : ''
}
${workSection(view)}`;
}
