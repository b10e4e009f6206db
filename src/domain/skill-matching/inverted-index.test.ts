import { describe, expect, it } from 'vitest';
import { buildInvertedIndex, scoreCoverage, scoreQuery } from './inverted-index.ts';

const documents = [['data', 'engineer'], ['data', 'scientist'], ['nurse']];

describe('inverted index', () => {
  it('TF-IDF cosine is 1 for the same document and favours the rarer shared term', () => {
    const index = buildInvertedIndex(documents, { kind: 'tfidf' });
    const scores = new Float32Array(3);
    scoreQuery(index, ['data', 'engineer'], scores);
    expect(scores[0]).toBeCloseTo(1, 5);
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[1]).toBeLessThan(0.5);
    expect(scores[2]).toBe(0);
  });

  it('an unknown query term lowers the cosine but matches nothing', () => {
    const index = buildInvertedIndex(documents, { kind: 'tfidf' });
    const plain = new Float32Array(3);
    const noisy = new Float32Array(3);
    scoreQuery(index, ['nurse'], plain);
    scoreQuery(index, ['nurse', 'zebra'], noisy);
    expect(plain[2]).toBeCloseTo(1, 5);
    expect(noisy[2]).toBeLessThan(plain[2]!);
  });

  it('BM25 prefers the shorter document for the same match and reports touched documents', () => {
    const index = buildInvertedIndex([['java'], ['java', 'x', 'y', 'z'], ['python']], {
      kind: 'bm25',
      k1: 1.2,
      b: 0.75,
    });
    const scores = new Float32Array(3);
    const touched: number[] = [];
    scoreQuery(index, ['java'], scores, touched);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(touched).toEqual([0, 1]);
  });

  it('coverage is the share of a document the query contains', () => {
    const index = buildInvertedIndex(documents, { kind: 'tfidf' });
    const coverage = new Float32Array(3);
    scoreCoverage(index, ['engineer', 'data', 'and', 'more', 'words'], coverage);
    expect(coverage[0]).toBeCloseTo(1, 5);
    expect(coverage[1]).toBeGreaterThan(0);
    expect(coverage[1]).toBeLessThan(0.5);
  });
});
