/**
 * The three ways to hand over a credential (upload a file, paste it, give its web address),
 * shared by `/verify` and `/wallet/import` so both pages stay accessible in the same way.
 */
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { textArea, textInput } from './form-controls.ts';

export type CredentialSource = 'file' | 'text' | 'url';

export type CredentialSourceState = {
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
  /** Which form the message belongs to. */
  form?: CredentialSource;
};

export type CredentialSourceForms = {
  /** "Verify" or "Import": starts every button and the web-address heading. */
  verb: string;
  fileAction: string;
  fileHint: string;
  textAction: string;
  textRows: number;
  /** A GET form makes the result a shareable link; a POST form carries the CSRF token. */
  url: { action: string; method: 'get' | 'post'; hint: string };
};

export function credentialSourceForms(
  csrfToken: string | undefined,
  state: CredentialSourceState,
  forms: CredentialSourceForms,
): Html {
  const values = state.values ?? {};
  const errorsOf = (form: CredentialSource) => (state.form === form ? state.errors : undefined);
  const summaryOf = (form: CredentialSource) =>
    state.form === form ? errorSummary(state.message, state.errors) : '';
  const fileError = errorsOf('file')?.file;
  return html`<section aria-labelledby="file-heading">
<h2 id="file-heading">Upload a file</h2>
${summaryOf('file')}
<form class="stack" method="post" action="${forms.fileAction}" enctype="multipart/form-data" aria-labelledby="file-heading" novalidate>
  ${csrfInput(csrfToken)}
  <div class="field">
    <label for="field-file">Badge image or credential file</label>
    <span class="hint" id="field-file-hint">${forms.fileHint}</span>
    ${fileError ? html`<span class="field-error" id="field-file-error">${fileError}</span>` : ''}
    <input id="field-file" name="file" type="file" accept=".png,.svg,.json,.jwt,.txt,image/png,image/svg+xml,application/json" aria-describedby="field-file-hint${fileError ? ' field-file-error' : ''}"${fileError ? html` aria-invalid="true"` : ''}>
  </div>
  <div><button type="submit">${forms.verb} the file</button></div>
</form>
</section>
<section aria-labelledby="text-heading">
<h2 id="text-heading">Paste a credential</h2>
${summaryOf('text')}
<form class="stack wide" method="post" action="${forms.textAction}" aria-labelledby="text-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${textArea({ name: 'text', label: 'Credential', values, errors: errorsOf('text'), rows: forms.textRows, required: true, hint: 'The JSON, the VC-JWT, or the SVG source of a badge.' })}
  <div><button type="submit">${forms.verb} the pasted credential</button></div>
</form>
</section>
<section aria-labelledby="url-heading">
<h2 id="url-heading">${forms.verb} from a web address</h2>
${summaryOf('url')}
<form class="stack" method="${forms.url.method}" action="${forms.url.action}" aria-labelledby="url-heading" novalidate>
  ${forms.url.method === 'post' ? csrfInput(csrfToken) : ''}
  ${textInput({ name: 'url', label: 'Web address', type: 'url', inputMode: 'url', values, errors: errorsOf('url'), required: true, hint: forms.url.hint })}
  <div><button type="submit">${forms.verb} from the address</button></div>
</form>
</section>`;
}
