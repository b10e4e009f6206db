import type { QueueEntry } from '../../services/projects/reviews.ts';
import { type Html, html } from '../html.ts';

type Organization = { slug: string; name: string };

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Assessors' queue: what waits, oldest first, with peer progress and similarity flags. */
export function reviewQueuePage(organization: Organization, entries: QueueEntry[]): Html {
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>Review queue</h1>
<p>Submissions to ${organization.name}'s projects that wait for an assessor, oldest first.</p>
${
  entries.length === 0
    ? html`<p>Nothing is waiting for review.</p>`
    : html`<table>
<caption class="visually-hidden">Submissions awaiting review</caption>
<thead><tr><th scope="col">Learner</th><th scope="col">Assessment</th><th scope="col">Submitted</th><th scope="col">Peer reviews</th><th scope="col">Similarity</th></tr></thead>
<tbody>${entries.map(
        (e) => html`<tr>
<td><a href="/reviews/${e.submissionId}">${e.learner.displayName}</a>${e.version > 1 ? html` <span class="hint">(version ${e.version})</span>` : ''}</td>
<td>${e.assessmentTitle}</td>
<td>${e.submittedAt.slice(0, 10)}</td>
<td>${e.assessmentKind === 'peer-review' ? `${e.peerReviews.completed} of ${e.peerReviews.assigned}` : 'n/a'}</td>
<td>${
          e.similarity.length > 0
            ? html`<strong>Flagged</strong>: ${e.similarity.map((s) => percent(s.containment)).join(', ')} overlap`
            : 'None found'
        }</td>
</tr>`,
      )}</tbody>
</table>`
}`;
}
