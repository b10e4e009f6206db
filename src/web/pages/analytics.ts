import type { IssuerAnalytics } from '../../services/issuer-analytics/analytics.ts';
import { errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';
import { barChart, lineChart, type Series } from './analytics-charts.ts';

const percent = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);

/** Issuer analytics: charts with their numbers in tables, and CSV downloads of each dataset. */
export function analyticsPage(
  analytics: IssuerAnalytics,
  state: { message?: string; errors?: FieldErrors } = {},
): Html {
  const { organization, months } = analytics;
  const csv = (dataset: string) =>
    `/api/v1/organizations/${organization.slug}/analytics.csv?dataset=${dataset}&from=${analytics.from}&to=${analytics.to}`;
  const series: Series[] = [
    { name: 'Issued', values: months.map((m) => m.issued), colour: '#1d4ed8', dash: '' },
    { name: 'Claimed', values: months.map((m) => m.claimed), colour: '#047857', dash: '6 3' },
    { name: 'Shared', values: months.map((m) => m.shared), colour: '#b45309', dash: '2 3' },
    {
      name: 'Verified',
      values: months.map((m) => m.verified),
      colour: '#7c3aed',
      dash: '10 3 2 3',
    },
  ];
  return html`<p><a href="/organizations/${organization.slug}">${organization.name}</a></p>
<h1>Analytics</h1>
${errorSummary(state.message, state.errors)}
<form class="inline-form" method="get" action="/organizations/${organization.slug}/analytics">
  ${field({ name: 'from', label: 'From month', type: 'month', value: analytics.from, errors: state.errors })}
  ${field({ name: 'to', label: 'To month', type: 'month', value: analytics.to, errors: state.errors })}
  <p><button type="submit" class="secondary">Show</button></p>
</form>
<h2>Credentials over time</h2>
<p>${analytics.totals.issued} issued, ${analytics.totals.claimed} claimed, ${analytics.totals.shared} shared, ${analytics.totals.verified} verified, ${analytics.totals.revoked} revoked from ${analytics.from} to ${analytics.to}. <a href="${csv('events')}" download>Download CSV</a></p>
${lineChart(
  'events-chart',
  'Credentials issued, claimed, shared and verified per month',
  months.map((m) => m.month),
  series,
)}
<table>
  <caption>Credential events per month</caption>
  <thead><tr><th scope="col">Month</th><th scope="col">Issued</th><th scope="col">Claimed</th><th scope="col">Shared</th><th scope="col">Verified</th><th scope="col">Revoked</th><th scope="col">Suspended</th></tr></thead>
  <tbody>${months.map((m) => html`<tr><th scope="row">${m.month}</th><td>${m.issued}</td><td>${m.claimed}</td><td>${m.shared}</td><td>${m.verified}</td><td>${m.revoked}</td><td>${m.suspended}</td></tr>`)}</tbody>
</table>
<h2>Assessments</h2>
${
  analytics.assessments.length === 0
    ? html`<p>No learner has taken an assessment yet.</p>`
    : html`<p><a href="${csv('assessments')}" download>Download CSV</a></p>
${barChart(
  'pass-chart',
  'Pass rate per assessment',
  analytics.assessments.map((a) => ({ label: a.title, value: a.passRate ?? 0 })),
)}
<table>
  <caption>Pass rate and time to mastery per assessment (all time)</caption>
  <thead><tr><th scope="col">Assessment</th><th scope="col">Kind</th><th scope="col">Learners</th><th scope="col">Passed</th><th scope="col">Pass rate</th><th scope="col">Median days to mastery</th></tr></thead>
  <tbody>${analytics.assessments.map((a) => html`<tr><th scope="row">${a.title}</th><td>${a.kind}</td><td>${a.learners}</td><td>${a.passed}</td><td>${percent(a.passRate)}</td><td>${a.medianDaysToMastery ?? '–'}</td></tr>`)}</tbody>
</table>`
}
<h2>Competencies learners struggle with</h2>
${
  analytics.competencies.length === 0
    ? html`<p>No evidence recorded yet.</p>`
    : html`<p>Share of learners whose best score stays below ${Math.round(analytics.cutScore * 100)}%. <a href="${csv('competencies')}" download>Download CSV</a></p>
${barChart(
  'struggle-chart',
  'Share of learners below the mastery cut score, per competency',
  analytics.competencies.slice(0, 10).map((c) => ({ label: c.statement, value: c.struggleRate })),
)}
<table>
  <caption>Competencies, most struggled with first (all time)</caption>
  <thead><tr><th scope="col">Competency</th><th scope="col">Learners</th><th scope="col">Reached the cut score</th><th scope="col">Below it</th><th scope="col">Average best score</th></tr></thead>
  <tbody>${analytics.competencies.map((c) => html`<tr><th scope="row">${c.statement}</th><td>${c.learners}</td><td>${c.reached}</td><td>${percent(c.struggleRate)}</td><td>${percent(c.averageBestScore)}</td></tr>`)}</tbody>
</table>`
}`;
}
