import { describe, expect, it } from 'vitest';
import { type ReportCheck, wordReport } from './wording.ts';

const check = (name: string, outcome: ReportCheck['outcome']): ReportCheck => ({
  check: name,
  outcome,
  message: `${name} ${outcome}`,
});

describe('verification report wording', () => {
  it('calls a credential verified only when every check passed', () => {
    const report = wordReport([check('proof', 'passed'), check('trust', 'passed')]);
    expect(report).toMatchObject({ verdict: 'verified', headline: 'Verified', tone: 'success' });
    expect(report.items.map((item) => item.title)).toEqual(['Signature', 'Issuer trust']);
  });

  it('makes an unknown issuer a point to check (amber), not a failure', () => {
    const report = wordReport([check('proof', 'passed'), check('trust', 'warning')]);
    expect(report.verdict).toBe('verified-with-warnings');
    expect(report.tone).toBe('warning');
    expect(report.explanation).toContain('issuer trust');
    expect(report.items[1]).toMatchObject({ label: 'Check this', tone: 'warning' });
  });

  it('names exactly the checks that failed', () => {
    const report = wordReport([
      check('proof', 'failed'),
      check('validity', 'passed'),
      check('status', 'failed'),
      check('trust', 'warning'),
    ]);
    expect(report.verdict).toBe('not-verified');
    expect(report.explanation).toContain('these checks: signature and revocation and suspension');
    expect(report.explanation).not.toContain('dates');
  });

  it('never calls an empty result verified', () => {
    expect(wordReport([]).verdict).toBe('not-verified');
  });
});
