import { describe, expect, it } from 'vitest';
import type { CompetencySummary } from '../../db/repositories/learning-assessments.ts';
import { retryDelayMs } from '../notifications/outbox.ts';
import { alignmentOf, syncAlignments } from './criteria.ts';

const competency = (uri: string, source = 'local'): CompetencySummary => ({
  id: uri,
  uri,
  statement: `Statement of ${uri}`,
  code: 'C1',
  frameworkId: 'f',
  frameworkTitle: source === 'esco' ? 'ESCO' : 'Our framework',
  frameworkSource: source,
  frameworkOrganizationId: null,
  attribution: null,
});

describe('alignments from criteria', () => {
  it('use CFItem for local and CASE competencies and ext:EscoSkill for ESCO', () => {
    expect(alignmentOf(competency('https://x.example/c/1'))?.targetType).toBe('CFItem');
    expect(alignmentOf(competency('http://data.europa.eu/esco/skill/1', 'esco'))?.targetType).toBe(
      'ext:EscoSkill',
    );
    expect(alignmentOf(competency('urn:uuid:1'))).toBeUndefined();
  });

  it('replace the old criteria alignments and keep those written by hand', () => {
    const manual = { targetName: 'Manual', targetUrl: 'https://manual.example/1' };
    const old = { targetName: 'Old', targetUrl: 'https://x.example/c/old' };
    const synced = syncAlignments([manual, old], new Set(['https://x.example/c/old']), [
      competency('https://x.example/c/new'),
    ]);
    expect(synced.map((a) => a.targetUrl)).toEqual([
      'https://manual.example/1',
      'https://x.example/c/new',
    ]);
  });
});

describe('outbox back-off', () => {
  it('doubles from 30 seconds up to 6 hours, never giving up', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000]);
    expect(retryDelayMs(50)).toBe(21_600_000);
  });
});
