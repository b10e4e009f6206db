/**
 * Rubric pieces shared by the submission, assessor and peer pages: the rubric as a table for
 * reading, and one radio group per criterion (fieldset + legend, WCAG 1.3.1) for scoring.
 */
import type { RubricCriterion } from '../../domain/projects/rubric.ts';
import type { FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';

export function rubricTable(criteria: readonly RubricCriterion[]): Html {
  return html`<table>
<caption>Rubric</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Levels</th></tr></thead>
<tbody>${criteria.map(
    (
      c,
    ) => html`<tr><th scope="row">${c.title}${c.description ? html`<br><span class="hint">${c.description}</span>` : ''}</th>
<td><ol>${[...c.levels].sort((a, b) => a.value - b.value).map((l) => html`<li value="${l.value}"><strong>${l.title}</strong>${l.description ? html`: ${l.description}` : ''}</li>`)}</ol></td></tr>`,
  )}</tbody>
</table>`;
}

/** Levels picked so far, as "level.<criterion id>" form values. */
export function levelsFromForm(
  criteria: readonly RubricCriterion[],
  form: Record<string, string>,
): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const criterion of criteria) {
    const raw = form[`level.${criterion.id}`];
    if (raw !== undefined && /^\d{1,2}$/.test(raw)) levels[criterion.id] = Number(raw);
  }
  return levels;
}

export function rubricRadioGroups(
  criteria: readonly RubricCriterion[],
  values: Record<string, string>,
  errors: FieldErrors = {},
  peerHint?: Record<string, string>,
): Html {
  return html`${criteria.map((criterion) => {
    const name = `level.${criterion.id}`;
    const error = errors[name];
    const errorId = `${name}-error`;
    return html`<fieldset id="field-${name}"${error ? html` aria-describedby="${errorId}"` : ''}>
  <legend>${criterion.title}</legend>
  ${criterion.description ? html`<p class="hint">${criterion.description}</p>` : ''}
  ${peerHint?.[criterion.id] ? html`<p class="hint">${peerHint[criterion.id]}</p>` : ''}
  ${error ? html`<span class="field-error" id="${errorId}">${error}</span>` : ''}
  ${[...criterion.levels]
    .sort((a, b) => a.value - b.value)
    .map((level) => {
      const id = `${name}-${level.value}`;
      return html`<div class="field checkbox">
    <input type="radio" id="${id}" name="${name}" value="${level.value}"${values[name] === String(level.value) ? html` checked` : ''}${level.description ? html` aria-describedby="${id}-hint"` : ''}>
    <label for="${id}">${level.value} · ${level.title}</label>
    ${level.description ? html`<span class="hint" id="${id}-hint">${level.description}</span>` : ''}
  </div>`;
    })}
</fieldset>`;
  })}`;
}

/** Levels as "Criterion: level title" lines, for feedback shown to learners. */
export function levelSummary(
  criteria: readonly RubricCriterion[],
  levels: Record<string, number> | null | undefined,
): Html {
  if (!levels) return html``;
  return html`<dl>${criteria.map((c) => {
    const level = c.levels.find((l) => l.value === levels[c.id]);
    return html`<dt>${c.title}</dt><dd>${level ? `${level.value} · ${level.title}` : 'not scored'}</dd>`;
  })}</dl>`;
}
