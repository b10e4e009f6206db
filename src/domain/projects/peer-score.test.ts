import { describe, expect, it } from 'vitest';
import { median } from '../statistics.ts';
import { aggregatePeerScores, weightedMedian } from './peer-score.ts';

const criteria = [
  { id: 'analysis', minLevel: 0, topLevel: 4 },
  { id: 'writing', minLevel: 0, topLevel: 4 },
];

describe('peer score aggregation', () => {
  it('takes the median, so one extreme reviewer cannot move the score', () => {
    const score = aggregatePeerScores(criteria, [
      { reviewerKey: 'a', levels: { analysis: 3, writing: 3 } },
      { reviewerKey: 'b', levels: { analysis: 3, writing: 2 } },
      { reviewerKey: 'c', levels: { analysis: 0, writing: 0 } },
    ])!;
    expect(score.criteria.analysis).toEqual({ median: 3, level: 3, score: 0.75 });
    expect(score.criteria.writing!.median).toBe(2);
    expect(score.reviewCount).toBe(3);
  });

  it('down-weights the reviewer who disagrees with the others', () => {
    const score = aggregatePeerScores(criteria, [
      { reviewerKey: 'a', levels: { analysis: 3, writing: 3 } },
      { reviewerKey: 'b', levels: { analysis: 3, writing: 3 } },
      { reviewerKey: 'outlier', levels: { analysis: 0, writing: 0 } },
    ])!;
    expect(score.weights.a).toBe(1);
    expect(score.weights.outlier).toBeLessThan(0.1);
    expect(score.agreement).toBeLessThan(1);
  });

  it('lets agreement break a tie that a plain median would average', () => {
    // Plain median of 1, 2, 3, 3 is 2.5; the reviewer at 1 disagrees most and counts least.
    const score = aggregatePeerScores(
      [{ id: 'analysis', minLevel: 0, topLevel: 4 }],
      [
        { reviewerKey: 'a', levels: { analysis: 3 } },
        { reviewerKey: 'b', levels: { analysis: 3 } },
        { reviewerKey: 'c', levels: { analysis: 2 } },
        { reviewerKey: 'd', levels: { analysis: 1 } },
      ],
    )!;
    expect(score.criteria.analysis!.median).toBe(2.5);
    expect(score.criteria.analysis!.level).toBe(3);
  });

  it('gives full agreement when everyone picks the same levels', () => {
    const score = aggregatePeerScores(criteria, [
      { reviewerKey: 'a', levels: { analysis: 2, writing: 4 } },
      { reviewerKey: 'b', levels: { analysis: 2, writing: 4 } },
    ])!;
    expect(score.agreement).toBe(1);
    expect(score.criteria.writing!.score).toBe(1);
  });

  it('is undefined without reviews and skips criteria nobody scored', () => {
    expect(aggregatePeerScores(criteria, [])).toBeUndefined();
    const score = aggregatePeerScores(criteria, [{ reviewerKey: 'a', levels: { analysis: 1 } }])!;
    expect(Object.keys(score.criteria)).toEqual(['analysis']);
  });
});

describe('medians', () => {
  it('are the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('weighted: equal weights give the plain median; weight pulls it', () => {
    const values = [1, 2, 3, 4].map((value) => ({ value, weight: 1 }));
    expect(weightedMedian(values)).toBe(2.5);
    expect(
      weightedMedian([
        { value: 1, weight: 0.1 },
        { value: 4, weight: 1 },
        { value: 3, weight: 1 },
      ]),
    ).toBe(3);
  });
});
