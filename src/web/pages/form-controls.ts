/**
 * Form controls beyond `forms.ts`: text areas, selects with hints and optional markers, inputs
 * with an input mode. Like `field()`, each ties its label, hint and error together for screen
 * readers (WCAG 1.3.1, 3.3.1, 3.3.2) and keeps what the person typed.
 */
import type { FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';

export type ControlOptions = {
  name: string;
  label: string;
  /** Visually hidden words appended to the label (context for repeated labels). */
  labelSuffix?: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  /** False where "(optional)" would mislead, as for the inputs a filled-in group needs. */
  markOptional?: boolean;
};

function parts(options: ControlOptions) {
  const id = `field-${options.name}`;
  const error = options.errors?.[options.name];
  const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const label = html`<label for="${id}">${options.label}${options.labelSuffix ? html`<span class="visually-hidden"> ${options.labelSuffix}</span>` : ''}${options.required || options.markOptional === false ? '' : html` <span class="hint">(optional)</span>`}</label>
  ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : ''}
  ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}`;
  const aria = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}${options.required ? html` required` : ''}`;
  return { id, label, aria };
}

export function textInput(
  options: ControlOptions & { type?: string; inputMode?: 'decimal' | 'numeric' | 'url' },
): Html {
  const { id, label, aria } = parts(options);
  return html`<div class="field">
  ${label}
  <input id="${id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.values[options.name] ?? ''}"${options.inputMode ? html` inputmode="${options.inputMode}"` : ''}${aria}>
</div>`;
}

export function textArea(options: ControlOptions & { rows?: number }): Html {
  const { id, label, aria } = parts(options);
  return html`<div class="field">
  ${label}
  <textarea id="${id}" name="${options.name}" rows="${options.rows ?? 4}"${aria}>${options.values[options.name] ?? ''}</textarea>
</div>`;
}

/**
 * A select; `blank` adds a first empty choice (for optional fields, or to make a person choose).
 * A stored value that is not among the choices (an `ext:` term) is kept as a choice of its own.
 */
export function choice(
  options: ControlOptions & {
    choices: ReadonlyArray<readonly [value: string, label: string]>;
    blank?: string;
    fallback?: string;
  },
): Html {
  const { id, label, aria } = parts(options);
  const current = options.values[options.name] ?? options.fallback ?? '';
  const choices =
    current && !options.choices.some(([value]) => value === current)
      ? [...options.choices, [current, current] as const]
      : options.choices;
  return html`<div class="field">
  ${label}
  <select id="${id}" name="${options.name}"${aria}>
    ${options.blank !== undefined ? html`<option value="">${options.blank}</option>` : ''}
    ${choices.map(([value, text]) => html`<option value="${value}"${value === current ? html` selected` : ''}>${text}</option>`)}
  </select>
</div>`;
}
