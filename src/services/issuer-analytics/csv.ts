import { stringify } from 'csv-stringify/sync';
import { credentialEventTypes } from '../../domain/issuer-analytics/aggregate.ts';
import { neutralizeFormula } from '../../domain/spreadsheet-cell.ts';
import type { IssuerAnalytics } from './analytics.ts';

export const analyticsDatasets = ['events', 'assessments', 'competencies'] as const;
export type AnalyticsDataset = (typeof analyticsDatasets)[number];

/** Names here come from issuers' and learners' input, so no cell may run as a formula. */
function safeCell(value: string | number | null): string | number {
  if (value === null) return '';
  return typeof value === 'number' ? value : neutralizeFormula(value);
}

/** One dataset of the analytics as RFC 4180 CSV with a header row. */
export function analyticsCsv(analytics: IssuerAnalytics, dataset: AnalyticsDataset): string {
  const table = tableOf(analytics, dataset);
  return stringify([table.header, ...table.rows.map((row) => row.map(safeCell))], {
    record_delimiter: '\r\n',
  });
}

function tableOf(analytics: IssuerAnalytics, dataset: AnalyticsDataset) {
  switch (dataset) {
    case 'events':
      return {
        header: ['month', ...credentialEventTypes],
        rows: analytics.months.map((m) => [m.month, ...credentialEventTypes.map((t) => m[t])]),
      };
    case 'assessments':
      return {
        header: [
          'assessment_id',
          'title',
          'kind',
          'learners',
          'passed',
          'pass_rate',
          'median_days_to_mastery',
        ],
        rows: analytics.assessments.map((a) => [
          a.assessmentId,
          a.title,
          a.kind,
          a.learners,
          a.passed,
          a.passRate === null ? null : Math.round(a.passRate * 1000) / 1000,
          a.medianDaysToMastery,
        ]),
      };
    case 'competencies':
      return {
        header: [
          'competency_id',
          'statement',
          'learners',
          'reached_cut_score',
          'struggle_rate',
          'average_best_score',
        ],
        rows: analytics.competencies.map((c) => [
          c.competencyId,
          c.statement,
          c.learners,
          c.reached,
          Math.round(c.struggleRate * 1000) / 1000,
          c.averageBestScore,
        ]),
      };
  }
}
