import type { FormItem } from '../../domain/learning/quiz.ts';
import type { AttemptView } from '../../services/learning/attempts.ts';
import type { AssessmentView } from '../../services/learning/quizzes.ts';
import { csrfInput, errorSummary } from '../forms.ts';
import { type Html, html } from '../html.ts';

const percent = (score: number) => `${Math.round(score * 100)}%`;
const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

type OwnAttempts = {
  attempts: Array<{
    id: string;
    attemptNumber: number;
    status: string;
    startedAt: string;
    score: number | null;
  }>;
  next:
    | { kind: 'resume'; attemptId: string }
    | { kind: 'start' }
    | { kind: 'refused'; message: string };
};

function rules(settings: Record<string, unknown>): Html {
  const s = settings as {
    timeLimitMinutes?: number;
    maxAttempts?: number;
    cooldownMinutes?: number;
    passScore?: number;
  };
  return html`<ul>
  ${s.passScore !== undefined ? html`<li>Pass mark: ${percent(s.passScore)}</li>` : ''}
  <li>${s.timeLimitMinutes ? `Time limit: ${s.timeLimitMinutes} minutes from the start` : 'No time limit'}</li>
  <li>${s.maxAttempts ? `At most ${s.maxAttempts} attempt${s.maxAttempts === 1 ? '' : 's'}` : 'Unlimited attempts'}</li>
  ${s.cooldownMinutes ? html`<li>Wait ${s.cooldownMinutes} minutes between attempts</li>` : ''}
</ul>`;
}

/** The quiz's start page: what it measures, its rules, your attempts and the start button. */
export function quizStartPage(
  quiz: AssessmentView,
  own: OwnAttempts | undefined,
  csrfToken: string | undefined,
  message?: string,
): Html {
  return html`<p><a href="/learn">My learning</a></p>
<h1>${quiz.title}</h1>
<p class="hint">A quiz by ${quiz.organization.name}</p>
${errorSummary(message)}
${quiz.instructions ? html`<p>${quiz.instructions}</p>` : ''}
<h2>Competencies it measures</h2>
<ul>${quiz.competencies.map((c) => html`<li>${c.statement}</li>`)}</ul>
<h2>Rules</h2>
${rules(quiz.settings)}
<p class="hint">Each attempt draws its own set and order of questions. Your answers are scored on the server when you submit.</p>
${
  own === undefined
    ? html`<p><a class="button" href="/sign-in?next=/assessments/${quiz.id}">Sign in to take this quiz</a></p>`
    : html`${
        own.attempts.length > 0
          ? html`<h2>Your attempts</h2>
      <ul>${own.attempts.map(
        (a) =>
          html`<li><a href="/attempts/${a.id}">Attempt ${a.attemptNumber}</a>: ${a.status}${a.score !== null ? `, ${percent(a.score)}` : ''} (started ${utc(a.startedAt)})</li>`,
      )}</ul>`
          : ''
      }
      ${
        own.next.kind === 'refused'
          ? html`<p class="notice" role="status">${own.next.message}</p>`
          : own.next.kind === 'resume'
            ? html`<p><a class="button" href="/attempts/${own.next.attemptId}">Continue your attempt</a></p>`
            : html`<form method="post" action="/assessments/${quiz.id}/attempts">${csrfInput(csrfToken)}<button type="submit">Start ${own.attempts.length > 0 ? 'a new attempt' : 'the quiz'}</button></form>`
      }`
}`;
}

function question(item: FormItem, index: number): Html {
  const name = `answer.${item.itemId}`;
  const legend = html`<legend><span class="visually-hidden">Question ${index + 1}: </span>${item.prompt} <span class="hint">(${item.points} ${item.points === 1 ? 'point' : 'points'})</span></legend>`;
  switch (item.kind) {
    case 'single':
    case 'multiple': {
      const type = item.kind === 'single' ? 'radio' : 'checkbox';
      return html`<fieldset class="field">${legend}
  ${item.kind === 'multiple' ? html`<p class="hint">Select every answer that applies.</p>` : ''}
  ${(item.options ?? []).map(
    (o) =>
      html`<div><input type="${type}" id="${item.itemId}-${o.id}" name="${name}" value="${o.id}"> <label for="${item.itemId}-${o.id}">${o.text}</label></div>`,
  )}
</fieldset>`;
    }
    case 'numeric':
      return html`<fieldset class="field">${legend}
  <label for="${item.itemId}-value">Your answer (a number)</label>
  <input id="${item.itemId}-value" name="${name}" type="text" inputmode="decimal" autocomplete="off">
</fieldset>`;
    case 'text':
      return html`<fieldset class="field">${legend}
  <label for="${item.itemId}-value">Your answer</label>
  <input id="${item.itemId}-value" name="${name}" type="text" autocomplete="off" maxlength="1000">
</fieldset>`;
  }
}

/** The attempt's form: one fieldset per question; works without JavaScript. */
export function attemptFormPage(
  quiz: AssessmentView,
  attempt: AttemptView,
  csrfToken: string | undefined,
  message?: string,
): Html {
  return html`<p><a href="/assessments/${quiz.id}">${quiz.title}</a></p>
<h1>${quiz.title}: attempt ${attempt.attemptNumber}</h1>
${attempt.deadlineAt ? html`<p class="notice" role="note">Submit before ${utc(attempt.deadlineAt)}. Answers sent later are not accepted.</p>` : ''}
${errorSummary(message)}
<form class="stack" method="post" action="/attempts/${attempt.id}">
  ${csrfInput(csrfToken)}
  ${attempt.form.items.map(question)}
  <div><button type="submit">Submit answers</button></div>
</form>`;
}

function answerText(item: FormItem | undefined, answer: unknown): string {
  if (answer === null || answer === undefined || (Array.isArray(answer) && answer.length === 0))
    return 'No answer';
  const option = (id: unknown) => item?.options?.find((o) => o.id === id)?.text ?? String(id);
  if (Array.isArray(answer)) return answer.map(option).join(', ');
  if (item?.kind === 'single') return option(answer);
  return String(answer);
}

/** The result of a submitted (or expired) attempt: per competency and per question. */
export function attemptResultPage(
  quiz: AssessmentView,
  attempt: AttemptView,
  message?: string,
): Html {
  const result = attempt.result;
  const items = new Map(attempt.form.items.map((i) => [i.itemId, i]));
  return html`<p><a href="/assessments/${quiz.id}">${quiz.title}</a> · <a href="/learn">My learning</a></p>
<h1>${quiz.title}: attempt ${attempt.attemptNumber}</h1>
${errorSummary(message)}
${
  !result
    ? html`<p>This attempt ended without answers: its time limit passed before it was submitted.</p>`
    : html`<p class="notice ${result.passed ? 'success' : ''}" role="status"><strong>${result.passed ? 'Passed' : 'Not passed yet'}</strong>: ${percent(result.score)} (pass mark ${percent(result.passScore)}).</p>
<h2>By competency</h2>
<div class="table-wrap"><table>
  <caption class="visually-hidden">Score per competency</caption>
  <thead><tr><th scope="col">Competency</th><th scope="col">Score</th></tr></thead>
  <tbody>${result.subScores.map((s) => html`<tr><td>${s.statement}</td><td>${percent(s.score)}</td></tr>`)}</tbody>
</table></div>
<h2>By question</h2>
<ol>${result.items.map((r) => {
        const item = items.get(r.itemId);
        return html`<li><p>${item?.prompt ?? 'Question'}</p><p>Your answer: ${answerText(item, r.answer)} · <strong>${r.correct ? 'Correct' : 'Not correct'}</strong> (${r.earned}/${r.points})</p></li>`;
      })}</ol>
<p class="hint">Correct answers are not shown, so that every attempt stays a fair test.</p>`
}
<p><a href="/assessments/${quiz.id}">Back to the quiz</a> · <a href="/learn">See your progress</a></p>`;
}
