import { mediaTypeLabels } from '../../domain/projects/files.ts';
import type { ProjectAssessmentView } from '../../services/projects/index.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { textArea } from './form-controls.ts';
import { rubricTable } from './review-rubric.ts';

export type SubmitFormState = {
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
};

export type SubmissionSummary = { id: string; version: number; status: string; submittedAt: Date };

export const statusLabels: Record<string, string> = {
  submitted: 'Awaiting review',
  accepted: 'Accepted',
  'resubmission-requested': 'Resubmission requested',
};

function kib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/** The learner's form: text, links, files and the evidence consent; a plain multipart post. */
export function submitPage(
  assessment: ProjectAssessmentView,
  history: SubmissionSummary[],
  csrfToken: string | undefined,
  state: SubmitFormState = {},
): Html {
  const latest = history[0];
  const open = !latest || latest.status === 'resubmission-requested';
  const values = state.values ?? {};
  const { settings } = assessment;
  const types = settings.allowedTypes.map((t) => mediaTypeLabels[t]).join(', ');
  return html`<h1>${assessment.title}</h1>
<p class="hint">${assessment.kind === 'peer-review' ? `Peer-reviewed: ${settings.peers} other learners review your work anonymously, and you review theirs.` : 'Reviewed by an assessor.'}</p>
<section aria-labelledby="instructions-heading">
<h2 id="instructions-heading">Instructions</h2>
<p>${assessment.instructions}</p>
${rubricTable(assessment.rubric.criteria)}
</section>
${
  history.length > 0
    ? html`<section aria-labelledby="history-heading"><h2 id="history-heading">Your submissions</h2><ul>${history.map(
        (s) =>
          html`<li><a href="/submissions/${s.id}">Version ${s.version}</a>: ${statusLabels[s.status] ?? s.status} (${s.submittedAt.toISOString().slice(0, 10)})</li>`,
      )}</ul></section>`
    : ''
}
${
  open
    ? html`<section aria-labelledby="submit-heading">
<h2 id="submit-heading">${latest ? 'Submit a new version' : 'Submit your work'}</h2>
${errorSummary(state.message, state.errors)}
<form class="stack wide" method="post" action="/assessments/${assessment.id}/submit" enctype="multipart/form-data" aria-labelledby="submit-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${textArea({ name: 'text', label: 'Your work', values, errors: state.errors, rows: 12, hint: 'Write or paste your answer. You may also give links and attach files.' })}
  ${textArea({ name: 'links', label: 'Links', values, errors: state.errors, rows: 3, hint: 'One http(s) address per line, for example to a repository or a published page.' })}
  <div class="field">
    <label for="field-files">Files <span class="hint">(optional)</span></label>
    <span class="hint" id="field-files-hint">Up to ${settings.maxFiles} files of at most ${kib(settings.maxFileBytes)} each. Accepted: ${types}. The type is checked from the file's content.</span>
    ${state.errors?.files ? html`<span class="field-error" id="field-files-error">${state.errors.files}</span>` : ''}
    <input id="field-files" name="files" type="file" multiple aria-describedby="field-files-hint${state.errors?.files ? ' field-files-error' : ''}"${state.errors?.files ? html` aria-invalid="true"` : ''}>
  </div>
  <div class="field checkbox">
    <input id="field-shareAsEvidence" name="shareAsEvidence" type="checkbox" value="yes"${values.shareAsEvidence ? html` checked` : ''} aria-describedby="field-shareAsEvidence-hint">
    <label for="field-shareAsEvidence">Show this work as evidence in my credential</label>
    <span class="hint" id="field-shareAsEvidence-hint">If accepted, the credential links to this submission so that employers can see your work. Without it, only your results are shown.</span>
  </div>
  <div><button type="submit">Submit</button></div>
</form>
</section>`
    : html`<p class="notice" role="status">${latest!.status === 'accepted' ? 'Your work was accepted.' : 'Your work is awaiting review. You will be able to submit a new version if the assessor asks for one.'}</p>`
}`;
}
