import { type Html, html } from './html.ts';

export type FieldErrors = Record<string, string>;

type FieldOptions = {
  name: string;
  label: string;
  type?: string;
  value?: string | null;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  errors?: FieldErrors;
};

/** A labelled input whose hint and error are tied to it for screen readers (WCAG 1.3.1, 3.3.1). */
export function field(options: FieldOptions): Html {
  const id = `field-${options.name}`;
  const error = options.errors?.[options.name];
  const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="field">
  <label for="${id}">${options.label}${options.required ? '' : html` <span class="hint">(optional)</span>`}</label>
  ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : ''}
  ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}
  <input id="${id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}"${options.required ? html` required` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

export function selectField(
  options: FieldOptions & { choices: ReadonlyArray<readonly [value: string, label: string]> },
): Html {
  const id = `field-${options.name}`;
  const error = options.errors?.[options.name];
  return html`<div class="field">
  <label for="${id}">${options.label}</label>
  ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}
  <select id="${id}" name="${options.name}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
    ${options.choices.map(([value, label]) => html`<option value="${value}"${value === options.value ? html` selected` : ''}>${label}</option>`)}
  </select>
</div>`;
}

/** Lists what went wrong at the top of the form, with links to each field. */
export function errorSummary(message: string | undefined, errors: FieldErrors = {}): Html | '' {
  if (!message && Object.keys(errors).length === 0) return '';
  return html`<div class="notice error" role="alert">
  <p><strong>${message ?? 'Please correct the following:'}</strong></p>
  ${
    Object.keys(errors).length > 0
      ? html`<ul>${Object.entries(errors).map(([name, text]) => html`<li><a href="#field-${name}">${text}</a></li>`)}</ul>`
      : ''
  }
</div>`;
}

export function csrfInput(token: string | undefined): Html {
  return html`<input type="hidden" name="_csrf" value="${token ?? ''}">`;
}
