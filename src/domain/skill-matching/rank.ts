/**
 * Ranks the concepts of an index for a free text, from the most certain evidence to the least:
 * the whole text is a preferred label ('exact') or an alternative label ('alt-label'); otherwise
 * the weighted mean of signals each in [0, 1] ('lexical', word vectors included):
 * - whole: character 3-gram TF-IDF cosine of the text with the concept's best label;
 * - labelGrams / labelWords: how much of the concept's best label the text contains, in
 *   character n-grams and in stemmed words (a long sentence mentions a skill in passing);
 * - phrase: a label occurs word for word inside the text;
 * - words: BM25 of the stemmed text over labels and description, divided by the best score;
 * - semantic / meaning (when the index has word vectors): soft label coverage, and the cosine
 *   of whole-text and concept vector averages.
 */
import type { ConceptIndex } from './concept-index.ts';
import { CHAR_NGRAM } from './concept-index.ts';
import { scoreCoverage, scoreQuery } from './inverted-index.ts';
import { meaningSimilarity } from './meaning.ts';
import { softCoverage } from './semantic.ts';
import { charNgrams, contentTerms, isStopword, normalizeText } from './text.ts';

export type MatchKind = 'exact' | 'alt-label' | 'lexical';
export type ConceptMatch = { concept: number; score: number; matchedBy: MatchKind };

export type FusionWeights = {
  whole: number;
  labelGrams: number;
  labelWords: number;
  phrase: number;
  words: number;
  /** Soft label coverage with word vectors; ignored when the index has none. */
  semantic: number;
  /** Cosine of whole-text and concept word-vector averages; ignored when the index has none. */
  meaning: number;
};

/** Chosen on the TECH validation file only (see docs/SKILL-MATCHING.md). */
export const DEFAULT_WEIGHTS: FusionWeights = {
  whole: 1,
  labelGrams: 1,
  labelWords: 1,
  phrase: 1,
  words: 1,
  semantic: 1,
  meaning: 1,
};

export type RankOptions = { limit?: number; weights?: FusionWeights };

/** Lexical scores stay below the label matches, which are certain. */
const LEXICAL_CEILING = 0.95;
const EXACT_SCORE = 1;
const ALT_LABEL_SCORE = 0.98;

/** Per concept, the best of its labels' scores. */
function bestPerConcept(index: ConceptIndex, labelScores: Float32Array): Float32Array {
  const best = new Float32Array(index.concepts.length);
  const { labelConcept } = index;
  for (let label = 0; label < labelScores.length; label++) {
    const score = labelScores[label]!;
    const concept = labelConcept[label]!;
    if (score > best[concept]!) best[concept] = score;
  }
  return best;
}

/** Labels found word for word in the text, scored by their length in words (longer = surer). */
function phraseMatches(index: ConceptIndex, words: readonly string[]): Float32Array {
  const found = new Float32Array(index.concepts.length);
  const longest = Math.min(index.longestLabel, words.length);
  for (let length = longest; length >= 1; length--) {
    for (let i = 0; i + length <= words.length; i++) {
      if (isStopword(words[i]!) || isStopword(words[i + length - 1]!)) continue;
      const span = words.slice(i, i + length).join(' ');
      const score = Math.min(1, 0.5 + 0.25 * length);
      for (const map of [index.preferred, index.alternative]) {
        for (const concept of map.get(span) ?? []) {
          if (score > found[concept]!) found[concept] = score;
        }
      }
    }
  }
  return found;
}

function lexicalScores(
  index: ConceptIndex,
  normalized: string,
  weights: FusionWeights,
): Float32Array {
  const n = index.concepts.length;
  const labels = index.labelConcept.length;
  const grams = charNgrams(normalized, CHAR_NGRAM);
  const terms = contentTerms(normalized);
  const fused = new Float32Array(n);
  const add = (signal: Float32Array, weight: number, scale = 1) => {
    if (weight === 0 || scale === 0) return;
    for (let c = 0; c < n; c++) fused[c]! += (weight * signal[c]!) / scale;
  };
  if (weights.whole > 0) {
    const cosine = new Float32Array(labels);
    scoreQuery(index.labelGrams, grams, cosine);
    add(bestPerConcept(index, cosine), weights.whole);
  }
  if (weights.labelGrams > 0) {
    const coverage = new Float32Array(labels);
    scoreCoverage(index.labelGrams, grams, coverage);
    add(bestPerConcept(index, coverage), weights.labelGrams);
  }
  if (weights.labelWords > 0 && terms.length > 0) {
    const coverage = new Float32Array(labels);
    scoreCoverage(index.labelWords, terms, coverage);
    add(bestPerConcept(index, coverage), weights.labelWords);
  }
  if (weights.phrase > 0) add(phraseMatches(index, normalized.split(' ')), weights.phrase);
  if (weights.words > 0 && terms.length > 0) {
    const bm25 = new Float32Array(n);
    scoreQuery(index.conceptWords, terms, bm25);
    add(
      bm25,
      weights.words,
      bm25.reduce((max, s) => Math.max(max, s), 0),
    );
  }
  const semantic = index.semantic && weights.semantic > 0 ? weights.semantic : 0;
  if (semantic > 0) add(bestPerConcept(index, softCoverage(index.semantic!, normalized)), semantic);
  const meaning = index.meaning && weights.meaning > 0 ? weights.meaning : 0;
  if (meaning > 0) add(meaningSimilarity(index.meaning!, normalized), meaning);
  const total =
    meaning +
    weights.whole +
    weights.labelGrams +
    weights.labelWords +
    weights.phrase +
    weights.words +
    semantic;
  for (let c = 0; c < n; c++) fused[c] = (LEXICAL_CEILING * fused[c]!) / (total || 1);
  return fused;
}

/**
 * The concepts matching a text, best first; ties go to the concept indexed first, so the
 * order is the same on every run. Concepts with no evidence at all are left out.
 */
export function rankConcepts(
  index: ConceptIndex,
  text: string,
  options: RankOptions = {},
): ConceptMatch[] {
  const normalized = normalizeText(text);
  if (normalized === '' || index.concepts.length === 0) return [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const matches = new Map<number, ConceptMatch>();
  for (const concept of index.preferred.get(normalized) ?? []) {
    matches.set(concept, { concept, score: EXACT_SCORE, matchedBy: 'exact' });
  }
  for (const concept of index.alternative.get(normalized) ?? []) {
    if (!matches.has(concept))
      matches.set(concept, { concept, score: ALT_LABEL_SCORE, matchedBy: 'alt-label' });
  }
  const lexical = lexicalScores(index, normalized, options.weights ?? DEFAULT_WEIGHTS);
  const ranked = [...matches.values()];
  for (let concept = 0; concept < lexical.length; concept++) {
    const score = lexical[concept]!;
    if (score > 0 && !matches.has(concept)) ranked.push({ concept, score, matchedBy: 'lexical' });
  }
  ranked.sort((a, b) => b.score - a.score || a.concept - b.concept);
  return ranked.slice(0, limit);
}
