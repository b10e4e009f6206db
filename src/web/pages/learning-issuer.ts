import type {
  AssessmentView,
  CompetencyChoice,
  QuizItemView,
} from '../../services/learning/quizzes.ts';
import { csrfInput, errorSummary, type FieldErrors, field, selectField } from '../forms.ts';
import { type Html, html } from '../html.ts';

type FormState = {
  values?: Record<string, string>;
  message?: string;
  errors?: FieldErrors;
  notice?: string;
};

/** An organization's assessments, and the form that creates a quiz. */
export function assessmentsPage(
  organization: { slug: string; name: string },
  assessments: AssessmentView[],
  csrfToken: string | undefined,
  form: FormState = {},
): Html {
  const v = form.values ?? {};
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>Assessments</h1>
${form.notice ? html`<div class="notice success" role="status">${form.notice}</div>` : ''}
${
  assessments.length === 0
    ? html`<p>No assessments yet.</p>`
    : html`<ul>${assessments.map(
        (a) =>
          html`<li>${a.kind === 'quiz' ? html`<a href="/organizations/${organization.slug}/assessments/${a.id}">${a.title}</a>` : a.title} <span class="hint">(${a.kind}, ${a.competencies.length} competencies)</span></li>`,
      )}</ul>`
}
<h2 id="create-quiz-heading">Create a quiz</h2>
${errorSummary(form.message, form.errors)}
<form class="stack" method="post" action="/organizations/${organization.slug}/assessments" aria-labelledby="create-quiz-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${field({ name: 'title', label: 'Title', value: v.title, required: true, errors: form.errors })}
  ${field({ name: 'instructions', label: 'Instructions', value: v.instructions, errors: form.errors })}
  ${field({ name: 'passScore', label: 'Pass mark (%)', type: 'number', value: v.passScore ?? '70', required: true, errors: form.errors })}
  ${field({ name: 'timeLimitMinutes', label: 'Time limit (minutes)', type: 'number', value: v.timeLimitMinutes, errors: form.errors })}
  ${field({ name: 'maxAttempts', label: 'Maximum attempts', type: 'number', value: v.maxAttempts, errors: form.errors })}
  ${field({ name: 'cooldownMinutes', label: 'Cool-down between attempts (minutes)', type: 'number', value: v.cooldownMinutes, errors: form.errors })}
  ${field({ name: 'itemsPerCompetency', label: 'Questions drawn per competency', type: 'number', value: v.itemsPerCompetency, hint: 'Leave empty to ask every question of the bank.', errors: form.errors })}
  <div><button type="submit">Create quiz</button></div>
</form>`;
}

function keyText(item: QuizItemView): string {
  const key = item.answerKey;
  if ('correct' in key)
    return item.options
      .filter((o) => key.correct.includes(o.id))
      .map((o) => o.text)
      .join(', ');
  if ('value' in key) return `${key.value} ± ${key.tolerance}`;
  return key.accepted.join(' | ');
}

/** A quiz's item bank (with answer keys: issuers only), the add-item form and the attempt log link. */
export function quizItemsPage(
  organization: { slug: string; name: string },
  quiz: AssessmentView,
  items: QuizItemView[],
  competencies: CompetencyChoice[],
  attempts: Array<{
    learner: { displayName: string; email: string | null };
    attemptNumber: number;
    status: string;
    score: number | null;
    log: Array<Record<string, unknown>>;
  }>,
  csrfToken: string | undefined,
  form: FormState = {},
): Html {
  const v = form.values ?? {};
  const statements = new Map(competencies.map((c) => [c.id, c.statement]));
  return html`<p><a href="/organizations/${organization.slug}/assessments">Assessments of ${organization.name}</a></p>
<h1>${quiz.title}</h1>
<p>Learners take it at <a href="/assessments/${quiz.id}">/assessments/${quiz.id}</a>.</p>
${form.notice ? html`<div class="notice success" role="status">${form.notice}</div>` : ''}
<h2>Item bank</h2>
<div class="table-wrap"><table>
  <caption class="visually-hidden">Items of ${quiz.title}</caption>
  <thead><tr><th scope="col">Question</th><th scope="col">Kind</th><th scope="col">Competency</th><th scope="col">Answer key</th><th scope="col">Points</th></tr></thead>
  <tbody>${items.map(
    (i) =>
      html`<tr><td>${i.prompt}</td><td>${i.kind}</td><td>${statements.get(i.competencyId) ?? i.competencyId}</td><td>${keyText(i)}</td><td>${i.points}</td></tr>`,
  )}</tbody>
</table></div>
<h2 id="add-item-heading">Add a question</h2>
${
  competencies.length === 0
    ? html`<p>Questions are tagged with a competency of one of your frameworks; define a framework first.</p>`
    : html`${errorSummary(form.message, form.errors)}
<form class="stack" method="post" action="/organizations/${organization.slug}/assessments/${quiz.id}/items" aria-labelledby="add-item-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${selectField({
    name: 'kind',
    label: 'Kind',
    value: v.kind ?? 'single',
    choices: [
      ['single', 'Single choice'],
      ['multiple', 'Multiple choice'],
      ['numeric', 'Number (with tolerance)'],
      ['text', 'Short text'],
    ],
    errors: form.errors,
  })}
  ${selectField({ name: 'competencyId', label: 'Competency', value: v.competencyId, choices: competencies.map((c) => [c.id, c.statement] as const), errors: form.errors })}
  ${field({ name: 'prompt', label: 'Question', value: v.prompt, required: true, errors: form.errors })}
  ${field({ name: 'points', label: 'Points', type: 'number', value: v.points ?? '1', errors: form.errors })}
  <div class="field">
    <label for="field-options">Options <span class="hint">(choice questions)</span></label>
    <span class="hint" id="field-options-hint">One per line; start the correct ones with *.</span>
    ${form.errors?.options ? html`<span class="field-error" id="field-options-error">${form.errors.options}</span>` : ''}
    <textarea id="field-options" name="options" rows="5" aria-describedby="field-options-hint${form.errors?.options ? ' field-options-error' : ''}">${v.options ?? ''}</textarea>
  </div>
  ${field({ name: 'answer', label: 'Correct number (number questions)', value: v.answer, errors: form.errors })}
  ${field({ name: 'tolerance', label: 'Tolerance (number questions)', value: v.tolerance, errors: form.errors })}
  <div class="field">
    <label for="field-acceptedAnswers">Accepted answers <span class="hint">(short text questions)</span></label>
    <span class="hint" id="field-acceptedAnswers-hint">One per line; case and spacing are ignored.</span>
    ${form.errors?.acceptedAnswers ? html`<span class="field-error" id="field-acceptedAnswers-error">${form.errors.acceptedAnswers}</span>` : ''}
    <textarea id="field-acceptedAnswers" name="acceptedAnswers" rows="3" aria-describedby="field-acceptedAnswers-hint">${v.acceptedAnswers ?? ''}</textarea>
  </div>
  <div><button type="submit">Add question</button></div>
</form>`
}
<h2>Attempt log</h2>
${
  attempts.length === 0
    ? html`<p>No attempts yet.</p>`
    : html`<div class="table-wrap"><table>
  <caption class="visually-hidden">Attempts at ${quiz.title}</caption>
  <thead><tr><th scope="col">Learner</th><th scope="col">Attempt</th><th scope="col">Status</th><th scope="col">Score</th><th scope="col">Log</th></tr></thead>
  <tbody>${attempts.map(
    (a) =>
      html`<tr><td>${a.learner.displayName}${a.learner.email ? html`<br><span class="hint">${a.learner.email}</span>` : ''}</td><td>${a.attemptNumber}</td><td>${a.status}</td><td>${a.score === null ? '–' : `${Math.round(a.score * 100)}%`}</td>
      <td>${a.log.map(
        (e) =>
          html`${String(e.event)} ${String(e.at ?? '')
            .slice(0, 16)
            .replace('T', ' ')}<br>`,
      )}</td></tr>`,
  )}</tbody>
</table></div>`
}`;
}
