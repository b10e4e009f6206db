import { describe, expect, it } from 'vitest';
import { buildMeaningIndex, meaningSimilarity } from './meaning.ts';
import { buildSemanticIndex, softCoverage, type WordVectors } from './semantic.ts';

const table: Record<string, number[]> = {
  motivated: [1, 0, 0],
  determination: [0.9, 0.1, 0],
  show: [0, 0, 1],
  teams: [0, 1, 0],
  work: [0, 0.6, 0.8],
};
const vectors: WordVectors = {
  dimensions: 3,
  vector: (word) => (table[word] ? Float32Array.from(table[word]) : undefined),
};

describe('word-vector signals', () => {
  it('soft coverage counts a label word as said when the text has a close word', () => {
    const index = buildSemanticIndex(
      ['show determination', 'work in teams', 'kubernetes'],
      vectors,
    );
    const coverage = softCoverage(index, 'motivated people');
    expect(coverage[0]).toBeGreaterThan(0);
    expect(coverage[0]).toBeLessThan(1);
    expect(coverage[1]).toBe(0);
    expect(softCoverage(index, 'we run Kubernetes')[2]).toBe(1);
  });

  it('whole-text meaning ranks the concept about the same thing first', () => {
    const index = buildMeaningIndex(['show determination', 'work in teams'], vectors);
    const similarity = meaningSimilarity(index, 'motivated');
    expect(similarity[0]).toBeGreaterThan(similarity[1]!);
    expect([...meaningSimilarity(index, 'unknown words only')]).toEqual([0, 0]);
  });
});
