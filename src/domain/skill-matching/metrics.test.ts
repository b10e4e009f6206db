import { describe, expect, it } from 'vitest';
import { averagePrecision, rankingFigures, reciprocalRank, rPrecisionAt } from './metrics.ts';

const judged = (ranking: string[], relevant: string[]) => ({
  ranking,
  relevant: new Set(relevant),
});

describe('ranking metrics', () => {
  it('R-Precision@k divides the hits in the top k by min(k, number relevant)', () => {
    expect(rPrecisionAt(5, judged(['x', 'a', 'y', 'z', 'w', 'b'], ['a', 'b']))).toBe(0.5);
    expect(rPrecisionAt(2, judged(['a', 'b', 'c'], ['a', 'b', 'c', 'd']))).toBe(1);
    expect(rPrecisionAt(5, judged(['c', 'x'], ['a', 'b', 'c', 'd', 'e', 'f']))).toBe(0.2);
    expect(rPrecisionAt(5, judged(['a'], []))).toBe(0);
  });

  it('reciprocal rank is 1 / rank of the first relevant item, 0 when none is ranked', () => {
    expect(reciprocalRank(judged(['x', 'y', 'a'], ['a', 'b']))).toBeCloseTo(1 / 3);
    expect(reciprocalRank(judged(['x', 'y'], ['a']))).toBe(0);
  });

  it('average precision counts relevant items never ranked as misses', () => {
    // Hits at ranks 1 and 3: (1/1 + 2/3) / 2 relevant.
    expect(averagePrecision(judged(['a', 'x', 'b'], ['a', 'b']))).toBeCloseTo((1 + 2 / 3) / 2);
    // One of two relevant never ranked: (1/2) / 2.
    expect(averagePrecision(judged(['x', 'a'], ['a', 'b']))).toBeCloseTo(0.25);
  });

  it('figures average over queries', () => {
    const figures = rankingFigures([judged(['a'], ['a']), judged(['x', 'b'], ['b'])]);
    expect(figures).toEqual({ queries: 2, rPrecisionAt5: 1, mrr: 0.75, map: 0.75 });
    expect(rankingFigures([])).toEqual({ queries: 0, rPrecisionAt5: 0, mrr: 0, map: 0 });
  });
});
