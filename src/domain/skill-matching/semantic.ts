/**
 * Soft label coverage with static word vectors: how much of a label the text says, counting a
 * label word as said when the text has a word of close meaning ("motivated" ~ "determination",
 * "collaborate" ~ "teamwork") and not only the same word. Each label word is weighted by its
 * inverse document frequency among labels, so "manage" counts less than "kubernetes".
 * The vectors are injected (any lower-case English word vectors); nothing here reads a file.
 */
import { isStopword, words } from './text.ts';

export type WordVectors = {
  dimensions: number;
  /** The word's vector, or undefined for a word the table does not know. */
  vector(word: string): Float32Array | undefined;
};

export type SemanticIndex = {
  vocabulary: Map<string, number>;
  /** Unit vectors of the vocabulary, one row each; zero where the table has no vector. */
  matrix: Float32Array;
  dimensions: number;
  /** Words of label l are at [start[l], start[l + 1]). */
  start: Int32Array;
  wordIds: Int32Array;
  weights: Float32Array;
  vectors: WordVectors;
};

/** Similarities below this are noise between unrelated words in 100-d GloVe-like spaces. */
export const SIMILARITY_FLOOR = 0.5;

/** The content words of a label or query, in the vectors' vocabulary form (not stemmed). */
export function semanticWords(text: string): string[] {
  return words(text).filter((word) => !isStopword(word));
}

function unit(vector: Float32Array, into: Float32Array, offset: number) {
  let squares = 0;
  for (const x of vector) squares += x * x;
  const norm = Math.sqrt(squares) || 1;
  for (let i = 0; i < vector.length; i++) into[offset + i] = vector[i]! / norm;
}

/** Indexes labels (already normalized) given in the order of the lexical label documents. */
export function buildSemanticIndex(labels: readonly string[], vectors: WordVectors): SemanticIndex {
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];
  const labelWords = labels.map((label) => {
    const unique = [...new Set(semanticWords(label))];
    for (const word of unique) {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(word, id);
        documentFrequency.push(0);
      }
      documentFrequency[id]!++;
    }
    return unique.map((word) => vocabulary.get(word)!);
  });
  const { dimensions } = vectors;
  const matrix = new Float32Array(vocabulary.size * dimensions);
  for (const [word, id] of vocabulary) {
    const vector = vectors.vector(word);
    if (vector) unit(vector, matrix, id * dimensions);
  }
  const start = new Int32Array(labels.length + 1);
  labelWords.forEach((ids, l) => {
    start[l + 1] = start[l]! + ids.length;
  });
  const wordIds = new Int32Array(start[labels.length]!);
  const weights = new Float32Array(wordIds.length);
  const n = labels.length;
  labelWords.forEach((ids, l) => {
    ids.forEach((id, i) => {
      wordIds[start[l]! + i] = id;
      weights[start[l]! + i] = Math.log((1 + n) / (1 + documentFrequency[id]!)) + 1;
    });
  });
  return { vocabulary, matrix, dimensions, start, wordIds, weights, vectors };
}

/** For each vocabulary word, its best similarity to a word of the text, rescaled above the floor. */
function closeness(index: SemanticIndex, text: string): Float32Array {
  const { vocabulary, matrix, dimensions } = index;
  const best = new Float32Array(vocabulary.size);
  const query = new Float32Array(dimensions);
  for (const word of new Set(semanticWords(text))) {
    const own = vocabulary.get(word);
    if (own !== undefined) best[own] = 1;
    const vector = index.vectors.vector(word);
    if (!vector) continue;
    unit(vector, query, 0);
    for (let v = 0, offset = 0; v < vocabulary.size; v++, offset += dimensions) {
      let dot = 0;
      for (let d = 0; d < dimensions; d++) dot += query[d]! * matrix[offset + d]!;
      if (dot > SIMILARITY_FLOOR) {
        const similarity = (dot - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
        if (similarity > best[v]!) best[v] = similarity;
      }
    }
  }
  return best;
}

/** Per label, the weighted share of its words the text says or nearly says, in [0, 1]. */
export function softCoverage(index: SemanticIndex, text: string): Float32Array {
  const best = closeness(index, text);
  const labels = index.start.length - 1;
  const coverage = new Float32Array(labels);
  const { start, wordIds, weights } = index;
  for (let l = 0; l < labels; l++) {
    let said = 0;
    let total = 0;
    for (let p = start[l]!; p < start[l + 1]!; p++) {
      said += weights[p]! * best[wordIds[p]!]!;
      total += weights[p]!;
    }
    coverage[l] = total > 0 ? said / total : 0;
  }
  return coverage;
}
