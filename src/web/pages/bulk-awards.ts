import type { RejectedRow } from '../../domain/bulk-awards/csv.ts';
import type { BulkAwardSummary, FailedRow } from '../../services/bulk-awards/manage.ts';
import { csrfInput, errorSummary, type FieldErrors, selectField } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type BulkAwardListState = {
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
};

const statusLabels: Record<string, string> = {
  validated: 'Validated, not started',
  running: 'Issuing',
  completed: 'Completed',
};

export function bulkAwardPath(slug: string, id: string): string {
  return `/organizations/${slug}/bulk-awards/${id}`;
}

/** The issuer's bulk awards and the upload form (multipart; works without JavaScript). */
export function bulkAwardListPage(model: {
  organization: { slug: string; name: string };
  achievements: Array<{ id: string; name: string }>;
  jobs: BulkAwardSummary[];
  csrfToken: string | undefined;
  state: BulkAwardListState;
}): Html {
  const { organization, state } = model;
  const fileError = state.errors?.csv ?? state.errors?.file;
  return html`<h1>Bulk awards</h1>
<p class="lead">Award an achievement to a whole cohort from a CSV file: one row per learner. The list is checked first; you see every rejected row and why before anything is issued.</p>
${errorSummary(state.message, state.errors)}
<form method="post" action="/organizations/${organization.slug}/bulk-awards" enctype="multipart/form-data" novalidate>
  ${csrfInput(model.csrfToken)}
  ${selectField({
    name: 'achievementId',
    label: 'Achievement',
    value: state.values?.achievementId,
    errors: state.errors,
    choices: model.achievements.map((a) => [a.id, a.name] as const),
  })}
  <div class="field">
    <label for="field-file">CSV file</label>
    <span class="hint" id="field-file-hint">A header line, then one row per learner. Columns: <code>recipient</code> (email address or DID), and optionally <code>narrative</code>, <code>evidence_url</code>, <code>result</code> (grade), <code>issue_date</code> (YYYY-MM-DD), <code>achievement</code> (an achievement id, for rows of another achievement).</span>
    ${fileError ? html`<span class="field-error" id="field-file-error">${fileError}</span>` : ''}
    <input id="field-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="field-file-hint${fileError ? ' field-file-error' : ''}"${fileError ? html` aria-invalid="true"` : ''}>
  </div>
  ${selectField({
    name: 'format',
    label: 'Proof format',
    value: state.values?.format ?? 'eddsa-rdfc-2022',
    errors: state.errors,
    choices: [
      ['eddsa-rdfc-2022', 'Data Integrity (eddsa-rdfc-2022)'],
      ['eddsa-jcs-2022', 'Data Integrity (eddsa-jcs-2022)'],
      ['vc-jwt', 'VC-JWT'],
    ],
  })}
  <p><button type="submit">Check the list</button></p>
</form>
<h2>Earlier lists</h2>
${
  model.jobs.length === 0
    ? html`<p>No bulk awards yet.</p>`
    : html`<div class="table-wrap"><table>
  <thead><tr><th scope="col">Uploaded</th><th scope="col">File</th><th scope="col">State</th><th scope="col">Issued</th><th scope="col">Failed</th><th scope="col">Rejected</th></tr></thead>
  <tbody>${model.jobs.map(
    (job) =>
      html`<tr><td><a href="${bulkAwardPath(organization.slug, job.id)}">${job.createdAt.slice(0, 16).replace('T', ' ')}</a></td><td>${job.fileName ?? '—'}</td><td>${statusLabels[job.status] ?? job.status}</td><td>${job.counts.issued} of ${job.counts.accepted}</td><td>${job.counts.failed}</td><td>${job.counts.rejected}</td></tr>`,
  )}</tbody>
</table></div>`
}`;
}

function progressSection(job: BulkAwardSummary): Html {
  const done = job.counts.issued + job.counts.failed;
  return html`<section aria-labelledby="progress-heading" data-bulk-award="${job.id}" data-status="${job.status}">
  <h2 id="progress-heading">Progress</h2>
  <p><progress max="${job.counts.accepted}" value="${done}" data-field="progress">${done} of ${job.counts.accepted}</progress></p>
  <dl class="facts">
    <dt>State</dt><dd data-field="status">${statusLabels[job.status] ?? job.status}</dd>
    <dt>Issued</dt><dd data-field="issued">${job.counts.issued}</dd>
    <dt>Waiting</dt><dd data-field="pending">${job.counts.pending}</dd>
    <dt>Failed</dt><dd data-field="failed">${job.counts.failed}</dd>
    <dt>Rejected at validation</dt><dd>${job.counts.rejected}</dd>
  </dl>
  <p role="status" data-field="summary">${
    job.status === 'running'
      ? `Issuing: ${done} of ${job.counts.accepted} done. This page refreshes by itself; you may also leave it, the work goes on.`
      : job.status === 'completed'
        ? `Done: ${job.counts.issued} credential${job.counts.issued === 1 ? '' : 's'} issued${job.counts.failed ? `, ${job.counts.failed} failed` : ''}.`
        : ''
  }</p>
</section>`;
}

/** One bulk award: its validation report, its start button, live progress, failures, retry. */
export function bulkAwardPage(model: {
  organization: { slug: string; name: string };
  job: BulkAwardSummary;
  rejected: RejectedRow[];
  failed: FailedRow[];
  csrfToken: string | undefined;
  message?: string;
}): Html {
  const { organization, job } = model;
  const path = bulkAwardPath(organization.slug, job.id);
  return html`<p><a href="/organizations/${organization.slug}/bulk-awards">Bulk awards</a></p>
<h1>Bulk award${job.fileName ? html`: ${job.fileName}` : ''}</h1>
${errorSummary(model.message)}
<p>${job.counts.total} rows: <strong>${job.counts.accepted} accepted</strong>, ${job.counts.rejected} rejected.</p>
${
  job.status === 'validated'
    ? html`<form method="post" action="${path}/start">
  ${csrfInput(model.csrfToken)}
  ${
    job.counts.accepted === 0
      ? html`<p>No row can be issued. Fix the file and upload it again.</p>`
      : html`<p>${job.counts.rejected > 0 ? 'Rejected rows are left out; fix them and upload them as a new list. ' : ''}Starting signs and stores one credential per accepted row.</p>
  <p><button type="submit">Issue ${job.counts.accepted} credential${job.counts.accepted === 1 ? '' : 's'}</button></p>`
  }
</form>`
    : progressSection(job)
}
${
  model.failed.length > 0
    ? html`<section aria-labelledby="failed-heading">
  <h2 id="failed-heading">Failed rows</h2>
  <div class="table-wrap"><table>
    <thead><tr><th scope="col">Row</th><th scope="col">Learner</th><th scope="col">Why</th></tr></thead>
    <tbody>${model.failed.map((row) => html`<tr><td>${row.rowNumber}</td><td>${row.recipient ?? '—'}</td><td>${row.error}</td></tr>`)}</tbody>
  </table></div>
  <form method="post" action="${path}/retry">
    ${csrfInput(model.csrfToken)}
    <p><button type="submit">Retry the ${job.counts.failed} failed row${job.counts.failed === 1 ? '' : 's'}</button></p>
  </form>
</section>`
    : ''
}
${
  model.rejected.length > 0
    ? html`<section aria-labelledby="rejected-heading">
  <h2 id="rejected-heading">Rejected rows</h2>
  <p><a class="button secondary" href="${path}/rejected-rows.csv" download>Download the rejected rows (CSV)</a></p>
  <div class="table-wrap"><table>
    <thead><tr><th scope="col">Row</th><th scope="col">Learner</th><th scope="col">Why</th></tr></thead>
    <tbody>${model.rejected.slice(0, 500).map((row) => html`<tr><td>${row.rowNumber}</td><td>${row.input.recipient ?? row.input.did ?? '—'}</td><td>${row.reasons.join('; ')}</td></tr>`)}</tbody>
  </table></div>
  ${model.rejected.length > 500 ? html`<p>The first 500 of ${model.rejected.length} are shown; the download has them all.</p>` : ''}
</section>`
    : ''
}`;
}

/** While the job runs: a refresh for browsers without JavaScript (the script updates in place). */
export function bulkAwardHead(job: BulkAwardSummary): Html | undefined {
  if (job.status !== 'running') return undefined;
  return html`<noscript><meta http-equiv="refresh" content="3"></noscript>
<script src="/assets/bulk-award.js" defer></script>`;
}
