import { describe, expect, it } from 'vitest';
import { buildConceptIndex, type ConceptInput } from './concept-index.ts';
import { rankConcepts } from './rank.ts';
import type { WordVectors } from './semantic.ts';

const concept = (label: string, altLabels: string[], description: string): ConceptInput => ({
  id: label,
  uri: `urn:test:${label}`,
  label,
  altLabels,
  description,
});

const concepts = [
  concept('data scientist', ['data engineer'], 'Finds and interprets rich data sources.'),
  concept('database administrator', ['DBA'], 'Keeps databases secure and running.'),
  concept('SQL', [], 'A query language for relational databases.'),
  concept('work in teams', ['teamwork'], 'Cooperate with colleagues.'),
  concept('show determination', [], 'Persist despite difficulties.'),
  concept('nurse', ['nursing professional'], 'Cares for patients.'),
];

/** Hand-made 3-d vectors: "motivated" points where "determination" does. */
const table: Record<string, number[]> = {
  motivated: [1, 0.1, 0],
  determination: [0.95, 0.2, 0],
  persist: [0.9, 0, 0.1],
  show: [0, 0, 1],
  highly: [0, 0.3, 0.2],
  candidate: [0.1, 0.1, 0.4],
  team: [0, 1, 0],
  teams: [0, 1, 0],
  work: [0, 0.7, 0.7],
};
const vectors: WordVectors = {
  dimensions: 3,
  vector: (word) => (table[word] ? Float32Array.from(table[word]) : undefined),
};

const index = buildConceptIndex(concepts);
const labelsFor = (text: string, options = {}, on = index) =>
  rankConcepts(on, text, options).map((m) => on.concepts[m.concept]!.label);

describe('rankConcepts', () => {
  it('puts a preferred-label match first, whatever the case, as exact with score 1', () => {
    const [first] = rankConcepts(index, '  Data SCIENTIST ');
    expect(first).toEqual({ concept: 0, score: 1, matchedBy: 'exact' });
  });

  it('puts an alternative-label match first as alt-label, above every lexical score', () => {
    const ranked = rankConcepts(index, 'data engineer');
    expect(ranked[0]).toMatchObject({ concept: 0, matchedBy: 'alt-label' });
    expect(
      ranked.slice(1).every((m) => m.matchedBy === 'lexical' && m.score < ranked[0]!.score),
    ).toBe(true);
    expect(labelsFor('DBA')[0]).toBe('database administrator');
  });

  it('finds misspelt and inflected labels through character n-grams', () => {
    expect(labelsFor('databse administrators')[0]).toBe('database administrator');
  });

  it('finds a skill named in passing in a longer sentence', () => {
    expect(labelsFor('Every day you will write SQL queries for our reports.')[0]).toBe('SQL');
    expect(labelsFor('You enjoy working in small teams.')[0]).toBe('work in teams');
  });

  it('leaves out concepts with no evidence, keeps to the limit, and returns nothing for blank text', () => {
    const nurse = labelsFor('nurse');
    expect(nurse[0]).toBe('nurse');
    expect(nurse).not.toContain('SQL');
    expect(rankConcepts(index, 'data', { limit: 1 })).toHaveLength(1);
    expect(rankConcepts(index, ' ?! ')).toEqual([]);
    expect(rankConcepts(buildConceptIndex([]), 'nurse')).toEqual([]);
  });

  it('with word vectors, reaches a concept that shares no word with the text', () => {
    const text = 'a highly motivated candidate';
    expect(labelsFor(text)).not.toContain('show determination');
    const withVectors = buildConceptIndex(concepts, { vectors });
    expect(labelsFor(text, {}, withVectors)[0]).toBe('show determination');
  });

  it('orders equal scores by index order, the same on every run', () => {
    const twins = buildConceptIndex([
      { ...concept('data skill', [], ''), id: 'first' },
      { ...concept('data skill', [], ''), id: 'second' },
    ]);
    expect(rankConcepts(twins, 'skill').map((m) => m.concept)).toEqual([0, 1]);
    expect(rankConcepts(twins, 'skill')).toEqual(rankConcepts(twins, 'skill'));
  });
});
