/**
 * `/admin/trust-registry`: platform administrators keep the list of issuers this platform
 * vouches for — our organizations, DIDs and domains — with accreditation and quality assurance.
 */
import type { TrustedIssuerView } from '../../services/trust-registry/manage.ts';
import { csrfInput, errorSummary, type FieldErrors } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { choice, textArea, textInput } from './form-controls.ts';

export type TrustFormState = {
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
};

const kindWords: Record<TrustedIssuerView['kind'], string> = {
  organization: 'Organization on this platform',
  did: 'DID',
  domain: 'Domain',
};

function accreditationFields(values: Record<string, string>, errors?: FieldErrors): Html {
  return html`${textInput({ name: 'accreditingBody', label: 'Accrediting body', values, errors, hint: 'Who accredited or quality-assures this issuer, e.g. a national agency.' })}
  ${textInput({ name: 'accreditationId', label: 'Accreditation reference', values, errors })}
  ${textInput({ name: 'accreditationUrl', label: 'Accreditation web page', type: 'url', inputMode: 'url', values, errors, hint: 'An https address where the accreditation can be checked.' })}
  ${textInput({ name: 'validUntil', label: 'Trusted until', type: 'date', values, errors, hint: 'The last day this entry vouches for the issuer; leave empty for no end date.' })}
  ${textArea({ name: 'notes', label: 'Quality assurance notes', values, errors, rows: 3 })}`;
}

function entryRow(entry: TrustedIssuerView): Html {
  return html`<tr>
  <td><a href="/admin/trust-registry/${entry.id}">${entry.name}</a></td>
  <td>${kindWords[entry.kind]}: <code>${entry.issuer}</code></td>
  <td>${entry.accreditingBody ?? ''}${entry.accreditationId ? html` (${entry.accreditationId})` : ''}</td>
  <td>${entry.validUntil ?? 'No end date'}${entry.current ? '' : html` <span class="status status-revoked">lapsed</span>`}</td>
</tr>`;
}

/** The list and the form to add an entry. */
export function trustRegistryPage(
  csrfToken: string | undefined,
  entries: TrustedIssuerView[],
  state: TrustFormState = {},
): Html {
  const values = { kind: 'domain', ...state.values };
  return html`<h1>Trust registry</h1>
<p class="lead">The issuers this platform vouches for. Verification names the entry that vouched for an issuer; issuers not listed are shown as unknown (a warning), and entries past their end date as no longer trusted.</p>
<p class="hint">Organizations on this platform are only named as hosted here (a warning) until they have an entry; an entry records their accreditation and can end trust on a date.</p>
<section aria-labelledby="entries-heading">
<h2 id="entries-heading">Trusted issuers</h2>
${
  entries.length === 0
    ? html`<p>No entries yet.</p>`
    : html`<table>
  <caption class="visually-hidden">Trusted issuers</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Issuer</th><th scope="col">Accreditation</th><th scope="col">Trusted until</th></tr></thead>
  <tbody>${entries.map(entryRow)}</tbody>
</table>`
}
</section>
<section aria-labelledby="add-heading">
<h2 id="add-heading">Add a trusted issuer</h2>
${errorSummary(state.message, state.errors)}
<form class="stack" method="post" action="/admin/trust-registry" aria-labelledby="add-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${choice({
    name: 'kind',
    label: 'Identify the issuer by',
    values,
    errors: state.errors,
    required: true,
    choices: [
      ['organization', kindWords.organization],
      ['did', kindWords.did],
      ['domain', kindWords.domain],
    ],
  })}
  ${textInput({ name: 'issuer', label: 'Issuer', values, errors: state.errors, required: true, hint: 'The organization’s slug, a DID (did:web:…, did:key:…), or a domain such as badges.example.edu (matches did:web and https issuers on that host).' })}
  ${textInput({ name: 'name', label: 'Name', values, errors: state.errors, hint: 'Required for DIDs and domains; an organization’s own name is used when empty.' })}
  ${accreditationFields(values, state.errors)}
  <div><button type="submit">Add to the registry</button></div>
</form>
</section>`;
}

/** One entry: change its accreditation or validity, or remove it. */
export function trustEntryPage(
  csrfToken: string | undefined,
  entry: TrustedIssuerView,
  state: TrustFormState = {},
): Html {
  const values =
    state.values ??
    Object.fromEntries(
      (
        [
          'name',
          'accreditingBody',
          'accreditationId',
          'accreditationUrl',
          'validUntil',
          'notes',
        ] as const
      ).map((key) => [key, entry[key] ?? '']),
    );
  return html`<h1>${entry.name}</h1>
<p class="lead">${kindWords[entry.kind]}: <code>${entry.issuer}</code>${entry.current ? '' : html` · <span class="status status-revoked">lapsed: no longer trusted</span>`}</p>
<section aria-labelledby="edit-heading">
<h2 id="edit-heading">Accreditation and validity</h2>
${errorSummary(state.message, state.errors)}
<form class="stack" method="post" action="/admin/trust-registry/${entry.id}" aria-labelledby="edit-heading" novalidate>
  ${csrfInput(csrfToken)}
  ${textInput({ name: 'name', label: 'Name', values, errors: state.errors, required: true })}
  ${accreditationFields(values, state.errors)}
  <div><button type="submit">Save changes</button></div>
</form>
</section>
<section aria-labelledby="remove-heading">
<h2 id="remove-heading">Remove</h2>
<p>Removing the entry stops vouching at once: its issuer becomes unknown (or, for our organizations, known without accreditation).</p>
<form method="post" action="/admin/trust-registry/${entry.id}/delete">
  ${csrfInput(csrfToken)}
  <button type="submit" class="danger">Remove from the registry</button>
</form>
</section>
<p><a href="/admin/trust-registry">Back to the trust registry</a></p>`;
}
