/**
 * Whole-text meaning: the text and each concept (labels and description) as one weighted
 * average of word vectors (each word weighted by its inverse document frequency among the
 * concepts, after Arora et al.'s smooth inverse frequency), compared by cosine. It reaches
 * concepts that share no word with the text but are about the same thing.
 */
import { semanticWords, type WordVectors } from './semantic.ts';

export type MeaningIndex = {
  dimensions: number;
  /** One unit vector per concept, zero where none of its words has a vector. */
  matrix: Float32Array;
  idf: Map<string, number>;
  unknownIdf: number;
  vectors: WordVectors;
};

function average(
  text: string,
  idf: (word: string) => number,
  vectors: WordVectors,
  into: Float32Array,
  offset: number,
) {
  const { dimensions } = vectors;
  for (const word of semanticWords(text)) {
    const vector = vectors.vector(word);
    if (!vector) continue;
    const weight = idf(word);
    for (let d = 0; d < dimensions; d++) into[offset + d]! += weight * vector[d]!;
  }
  let squares = 0;
  for (let d = 0; d < dimensions; d++) squares += into[offset + d]! ** 2;
  const norm = Math.sqrt(squares);
  if (norm > 0) for (let d = 0; d < dimensions; d++) into[offset + d]! /= norm;
}

export function buildMeaningIndex(
  documents: readonly string[],
  vectors: WordVectors,
): MeaningIndex {
  const frequency = new Map<string, number>();
  for (const document of documents) {
    for (const word of new Set(semanticWords(document))) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [word, df] of frequency) idf.set(word, Math.log((1 + n) / (1 + df)) + 1);
  const unknownIdf = Math.log(1 + n) + 1;
  const weight = (word: string) => idf.get(word) ?? unknownIdf;
  const { dimensions } = vectors;
  const matrix = new Float32Array(n * dimensions);
  documents.forEach((document, c) => {
    average(document, weight, vectors, matrix, c * dimensions);
  });
  return { dimensions, matrix, idf, unknownIdf, vectors };
}

/** Cosine of the text's vector with each concept's, floored at 0. */
export function meaningSimilarity(index: MeaningIndex, text: string): Float32Array {
  const { dimensions, matrix } = index;
  const query = new Float32Array(dimensions);
  average(text, (word) => index.idf.get(word) ?? index.unknownIdf, index.vectors, query, 0);
  const concepts = matrix.length / dimensions;
  const similarity = new Float32Array(concepts);
  for (let c = 0, offset = 0; c < concepts; c++, offset += dimensions) {
    let dot = 0;
    for (let d = 0; d < dimensions; d++) dot += query[d]! * matrix[offset + d]!;
    similarity[c] = Math.max(dot, 0);
  }
  return similarity;
}
