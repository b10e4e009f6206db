import { describe, expect, it } from 'vitest';
import {
  achievementProgress,
  activityStreak,
  defaultMasteryRule,
  type EvidenceObservation,
  masteryOf,
} from './mastery.ts';

let n = 0;
function evidence(partial: Partial<EvidenceObservation>): EvidenceObservation {
  n += 1;
  return {
    id: `e${n}`,
    assessmentId: 'quiz-1',
    sourceKind: 'quiz-attempt',
    sourceId: `s${n}`,
    score: 0.5,
    level: null,
    observedAt: new Date(Date.UTC(2026, 0, n)),
    ...partial,
  };
}

describe('mastery', () => {
  const rule = { assessmentIds: ['quiz-1', 'project-1'], cutScore: 0.8, evidenceCount: 1 };

  it('is not started without evidence from a counted assessment', () => {
    expect(masteryOf(rule, []).state).toBe('not-started');
    expect(masteryOf(rule, [evidence({ assessmentId: 'other', score: 1 })]).state).toBe(
      'not-started',
    );
  });

  it('is in progress below the cut score and mastered at it (best score counts)', () => {
    const low = evidence({ score: 0.6 });
    expect(masteryOf(rule, [low])).toMatchObject({
      state: 'in-progress',
      bestScore: 0.6,
      remaining: { pieces: 1, assessmentIds: ['quiz-1', 'project-1'] },
    });
    const exact = evidence({ score: 0.8 });
    const later = evidence({ score: 0.2 });
    expect(masteryOf(rule, [low, exact, later])).toMatchObject({
      state: 'mastered',
      qualifying: [exact],
      remaining: { pieces: 0, assessmentIds: [] },
    });
  });

  it('judges rubric evidence by its level when the rule sets a minimum level', () => {
    const levelled = { ...rule, minimumLevel: 3 };
    expect(
      masteryOf(levelled, [evidence({ assessmentId: 'project-1', level: 2, score: 0.9 })]).state,
    ).toBe('in-progress');
    expect(
      masteryOf(levelled, [evidence({ assessmentId: 'project-1', level: 3, score: 0.6 })]).state,
    ).toBe('mastered');
    // Quiz evidence has no level, so the cut score applies to it.
    expect(masteryOf(levelled, [evidence({ score: 0.85 })]).state).toBe('mastered');
  });

  it('counts independent evidence per assessment: retakes never count twice', () => {
    const two = { ...rule, evidenceCount: 2 };
    const retakes = [evidence({ score: 0.9 }), evidence({ score: 0.95 })];
    expect(masteryOf(two, retakes)).toMatchObject({
      state: 'in-progress',
      remaining: { pieces: 1, assessmentIds: ['project-1'] },
    });
    expect(
      masteryOf(two, [...retakes, evidence({ assessmentId: 'project-1', score: 0.8 })]).state,
    ).toBe('mastered');
  });

  it('falls back to the documented default rule: any assessment, one piece, 0.8', () => {
    expect(
      masteryOf(defaultMasteryRule(), [evidence({ assessmentId: 'x', score: 0.8 })]).state,
    ).toBe('mastered');
  });

  it('completes an achievement only when every criterion is mastered', () => {
    const criteria = [
      { competencyId: 'a', rule },
      { competencyId: 'b', rule },
    ];
    const byCompetency: Record<string, EvidenceObservation[]> = { a: [evidence({ score: 1 })] };
    const partial = achievementProgress(criteria, (id) => byCompetency[id] ?? []);
    expect(partial).toMatchObject({ mastered: 1, total: 2, complete: false });
    byCompetency.b = [evidence({ score: 0.9 })];
    expect(achievementProgress(criteria, (id) => byCompetency[id] ?? []).complete).toBe(true);
    expect(achievementProgress([], () => []).complete).toBe(false);
  });

  it('counts a streak of consecutive active days ending today or yesterday', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    const days = ['2026-03-09T22:00:00Z', '2026-03-08T10:00:00Z', '2026-03-06T10:00:00Z'].map(
      (d) => new Date(d),
    );
    expect(activityStreak(days, now)).toBe(2);
    expect(activityStreak(days, new Date('2026-03-12T08:00:00Z'))).toBe(0);
  });
});
