import type { CheckResult } from '../../credentials/index.ts';
import type { WalletCredentialView, WalletStatus } from '../../services/wallet/add-to-wallet.ts';
import { type Html, html } from '../html.ts';

/** Status in words, for learners and the people they show credentials to. */
export const walletStatusLabels: Record<WalletStatus, string> = {
  valid: 'Valid',
  revoked: 'Revoked by the issuer',
  suspended: 'Suspended by the issuer',
  expired: 'Expired',
  'not-yet-valid': 'Not valid yet',
  invalid: 'Not valid: failed verification',
};

const statusClass: Record<WalletStatus, string> = {
  valid: 'status-active',
  revoked: 'status-revoked',
  suspended: 'status-suspended',
  expired: 'status-suspended',
  'not-yet-valid': 'status-suspended',
  invalid: 'status-revoked',
};

export function statusBadge(status: WalletStatus): Html {
  return html`<span class="status ${statusClass[status]}">${walletStatusLabels[status]}</span>`;
}

/** An unknown issuer is a warning shown next to the status, never a failure. */
export function unknownIssuer(checks: CheckResult[]): CheckResult | undefined {
  return checks.find((c) => c.check === 'trust' && c.outcome === 'warning');
}

export function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

export type WalletFilterValues = {
  issuer?: string;
  skill?: string;
  from?: string;
  to?: string;
  status?: string;
};

function filterForm(values: WalletFilterValues, error: string | undefined): Html {
  const statusChoices: Array<[string, string]> = [
    ['', 'Any status'],
    ...Object.entries(walletStatusLabels),
  ];
  return html`<form class="stack" method="get" action="/wallet" role="search" aria-label="Filter credentials">
  ${error ? html`<div class="notice error" role="alert"><p>${error}</p></div>` : ''}
  <div class="field"><label for="filter-issuer">Issuer <span class="hint">(name or id)</span></label>
    <input id="filter-issuer" name="issuer" value="${values.issuer ?? ''}"></div>
  <div class="field"><label for="filter-skill">Skill</label>
    <input id="filter-skill" name="skill" value="${values.skill ?? ''}"></div>
  <div class="field"><label for="filter-from">Issued from</label>
    <input id="filter-from" name="from" type="date" value="${values.from ?? ''}"></div>
  <div class="field"><label for="filter-to">Issued until</label>
    <input id="filter-to" name="to" type="date" value="${values.to ?? ''}"></div>
  <div class="field"><label for="filter-status">Status</label>
    <select id="filter-status" name="status">${statusChoices.map(
      ([value, label]) =>
        html`<option value="${value}"${value === (values.status ?? '') ? html` selected` : ''}>${label}</option>`,
    )}</select></div>
  <p><button type="submit">Filter</button> <a href="/wallet">Clear filters</a></p>
</form>`;
}

/** The learner's wallet: every credential, issued here or imported, with its status in words. */
export function walletListPage(
  credentials: WalletCredentialView[],
  values: WalletFilterValues,
  options: { error?: string; filtered: boolean },
): Html {
  return html`<h1>My wallet</h1>
<p class="lead">Every credential you hold: those issued to your verified addresses or DIDs on Skillmark, and those you imported. Each one is checked, never taken on trust.</p>
<p><a class="button" href="/wallet/import">Import a credential</a> · <a href="/account">Add an email address</a> so credentials issued to it arrive here. · <a href="/talent-profile">Be found by employers</a></p>
<details${options.filtered ? html` open` : ''}><summary>Filter</summary>${filterForm(values, options.error)}</details>
${
  credentials.length === 0
    ? html`<p>${options.filtered ? 'No credential matches these filters.' : 'Your wallet is empty for now.'}</p>`
    : html`<div class="table-wrap"><table>
  <caption class="visually-hidden">Your credentials</caption>
  <thead><tr><th scope="col">Credential</th><th scope="col">Issuer</th><th scope="col">Issued</th><th scope="col">Status</th></tr></thead>
  <tbody>${credentials.map((c) => {
    const warning = unknownIssuer(c.verification);
    return html`<tr>
    <td><a href="/wallet/${c.id}">${c.achievementName ?? 'Unnamed credential'}</a>${c.source === 'imported' ? html` <span class="hint">(imported)</span>` : ''}</td>
    <td>${c.issuerName ?? c.issuerId ?? 'Unknown'}</td>
    <td>${day(c.issuedOn)}</td>
    <td>${statusBadge(c.status)}${warning ? html`<br><span class="hint">Warning: issuer not known to Skillmark</span>` : ''}</td>
  </tr>`;
  })}</tbody>
</table></div>`
}`;
}
