import { describe, expect, it } from 'vitest';
import {
  assessmentStats,
  eventsByMonth,
  eventTotals,
  median,
  monthsBetween,
  strugglingCompetencies,
} from './aggregate.ts';

describe('eventsByMonth', () => {
  it('fills quiet months with zeros and ignores months outside the range', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    const rows = eventsByMonth(
      [
        { month: '2025-11', type: 'issued', count: 3 },
        { month: '2026-01', type: 'claimed', count: 2 },
        { month: '2026-03', type: 'issued', count: 9 },
      ],
      '2025-11',
      '2026-01',
    );
    expect(rows.map((r) => [r.month, r.issued, r.claimed])).toEqual([
      ['2025-11', 3, 0],
      ['2025-12', 0, 0],
      ['2026-01', 0, 2],
    ]);
    expect(eventTotals(rows)).toMatchObject({ issued: 3, claimed: 2, verified: 0 });
  });
});

describe('assessmentStats', () => {
  it('computes pass rate and median days to mastery per assessment', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    const stats = assessmentStats([
      {
        assessmentId: 'q',
        title: 'Quiz',
        kind: 'quiz',
        learnerId: 'a',
        firstStartedAt: day(1),
        firstPassedAt: day(2),
      },
      {
        assessmentId: 'q',
        title: 'Quiz',
        kind: 'quiz',
        learnerId: 'b',
        firstStartedAt: day(1),
        firstPassedAt: day(5),
      },
      {
        assessmentId: 'q',
        title: 'Quiz',
        kind: 'quiz',
        learnerId: 'c',
        firstStartedAt: day(1),
        firstPassedAt: null,
      },
      {
        assessmentId: 'p',
        title: 'Project',
        kind: 'project',
        learnerId: 'a',
        firstStartedAt: day(1),
        firstPassedAt: null,
      },
    ]);
    expect(stats).toEqual([
      {
        assessmentId: 'p',
        title: 'Project',
        kind: 'project',
        learners: 1,
        passed: 0,
        passRate: 0,
        medianDaysToMastery: null,
      },
      {
        assessmentId: 'q',
        title: 'Quiz',
        kind: 'quiz',
        learners: 3,
        passed: 2,
        passRate: 2 / 3,
        medianDaysToMastery: 2.5,
      },
    ]);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('strugglingCompetencies', () => {
  it('ranks by the share of learners below the cut score, then by learners', () => {
    const ranked = strugglingCompetencies(
      [
        { competencyId: 'sql', statement: 'SQL', learnerId: 'a', bestScore: 0.9 },
        { competencyId: 'sql', statement: 'SQL', learnerId: 'b', bestScore: 0.5 },
        { competencyId: 'py', statement: 'Python', learnerId: 'a', bestScore: 0.2 },
        { competencyId: 'py', statement: 'Python', learnerId: 'b', bestScore: 0.4 },
        { competencyId: 'viz', statement: 'Charts', learnerId: 'a', bestScore: 0.1 },
        { competencyId: 'ok', statement: 'Teamwork', learnerId: 'a', bestScore: 0.8 },
      ],
      0.8,
    );
    expect(ranked.map((r) => [r.statement, r.learners, r.reached, r.struggleRate])).toEqual([
      ['Python', 2, 0, 1],
      ['Charts', 1, 0, 1],
      ['SQL', 2, 1, 0.5],
      ['Teamwork', 1, 1, 0],
    ]);
    expect(ranked[0]!.averageBestScore).toBe(0.3);
  });
});
