import { describe, expect, it } from 'vitest';
import { compareTexts, findSimilarPairs, shingles, words } from './similarity.ts';

const essay =
  'Data literacy means reading a chart critically, asking where the numbers come from, and ' +
  'explaining what they do not show. A good analyst checks the sample, the scale and the ' +
  'baseline before drawing any conclusion about the trend.';
const copied = `My own introduction about dashboards in hospitals. ${essay.slice(93)} Then my own ending, written by me.`;
const unrelated =
  'Bread rises because yeast ferments sugars and releases carbon dioxide, which the gluten ' +
  'network traps while the dough proves in a warm kitchen overnight.';

describe('similarity', () => {
  it('folds case and punctuation into words with offsets', () => {
    expect(words('Hello, World!')).toEqual([
      { word: 'hello', start: 0, end: 5 },
      { word: 'world', start: 7, end: 12 },
    ]);
    expect(shingles(words('a b c d e f'), 5).size).toBe(2);
  });

  it('finds a copied section with high containment and quotes the matching passage', () => {
    const match = compareTexts(copied, essay);
    expect(match.containment).toBeGreaterThan(0.5);
    expect(match.jaccard).toBeLessThan(match.containment);
    expect(match.passages[0]!.text).toContain('good analyst checks the sample');
    expect(match.passages[0]!.otherText).toContain('good analyst checks the sample');
  });

  it('scores unrelated texts near zero and identical texts at one', () => {
    expect(compareTexts(essay, unrelated)).toMatchObject({ jaccard: 0, containment: 0 });
    expect(compareTexts(essay, essay.toUpperCase())).toMatchObject({ jaccard: 1, containment: 1 });
    expect(compareTexts('too short', 'too short')).toMatchObject({ containment: 0 });
  });

  it('flags only pairs of different learners above the threshold', () => {
    const pairs = findSimilarPairs([
      { id: 's1', learnerId: 'ada', text: essay },
      { id: 's2', learnerId: 'ada', text: essay },
      { id: 's3', learnerId: 'bob', text: copied },
      { id: 's4', learnerId: 'cy', text: unrelated },
    ]);
    expect(pairs.map((p) => [p.firstId, p.secondId])).toEqual([
      ['s1', 's3'],
      ['s2', 's3'],
    ]);
  });
});
