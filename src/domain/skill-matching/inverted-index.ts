/**
 * Term → documents postings in flat typed arrays (compressed sparse rows), with the weights of
 * one of two classic lexical models: TF-IDF cosine or Okapi BM25. Flat arrays keep full ESCO
 * (~120k labels, ~17k concepts) to a few tens of megabytes and make a query one tight loop.
 */

export type Weighting = { kind: 'tfidf' } | { kind: 'bm25'; k1: number; b: number };

export type InvertedIndex = {
  weighting: Weighting;
  documentCount: number;
  terms: Map<string, number>;
  idf: Float32Array;
  /** Postings of term t are at [start[t], start[t + 1]). */
  start: Int32Array;
  documents: Int32Array;
  weights: Float32Array;
};

function termFrequencies(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

const sublinear = (tf: number) => 1 + Math.log(tf);

/** Indexes documents given as their terms (words, stems or character n-grams). */
export function buildInvertedIndex(
  documents: readonly (readonly string[])[],
  weighting: Weighting,
): InvertedIndex {
  const terms = new Map<string, number>();
  const documentFrequency: number[] = [];
  const frequencies = documents.map((document) => {
    const counts = termFrequencies(document);
    for (const term of counts.keys()) {
      let id = terms.get(term);
      if (id === undefined) {
        id = terms.size;
        terms.set(term, id);
        documentFrequency.push(0);
      }
      documentFrequency[id]!++;
    }
    return counts;
  });
  const n = documents.length;
  const idf = new Float32Array(terms.size);
  for (let t = 0; t < terms.size; t++) {
    const df = documentFrequency[t]!;
    // BM25's idf (Robertson–Spärck Jones, floored at 0 by the +1) and the smoothed TF-IDF idf.
    idf[t] =
      weighting.kind === 'bm25'
        ? Math.log(1 + (n - df + 0.5) / (df + 0.5))
        : Math.log((1 + n) / (1 + df)) + 1;
  }
  const start = new Int32Array(terms.size + 1);
  for (let t = 0; t < terms.size; t++) start[t + 1] = start[t]! + documentFrequency[t]!;
  const total = start[terms.size]!;
  const postingDocuments = new Int32Array(total);
  const postingWeights = new Float32Array(total);
  const fill = Int32Array.from(start.subarray(0, terms.size));
  const averageLength = documents.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n);
  frequencies.forEach((counts, document) => {
    const weights = documentWeights(
      counts,
      terms,
      idf,
      weighting,
      documents[document]!.length,
      averageLength,
    );
    for (const [t, weight] of weights) {
      const slot = fill[t]!++;
      postingDocuments[slot] = document;
      postingWeights[slot] = weight;
    }
  });
  return {
    weighting,
    documentCount: n,
    terms,
    idf,
    start,
    documents: postingDocuments,
    weights: postingWeights,
  };
}

function documentWeights(
  counts: Map<string, number>,
  terms: Map<string, number>,
  idf: Float32Array,
  weighting: Weighting,
  length: number,
  averageLength: number,
): [number, number][] {
  const weights: [number, number][] = [];
  if (weighting.kind === 'bm25') {
    const { k1, b } = weighting;
    const norm = k1 * (1 - b + (b * length) / Math.max(averageLength, 1e-9));
    for (const [term, tf] of counts)
      weights.push([terms.get(term)!, (tf * (k1 + 1)) / (tf + norm)]);
    return weights;
  }
  let squares = 0;
  for (const [term, tf] of counts) {
    const t = terms.get(term)!;
    const weight = sublinear(tf) * idf[t]!;
    weights.push([t, weight]);
    squares += weight * weight;
  }
  const norm = Math.sqrt(squares) || 1;
  for (const entry of weights) entry[1] /= norm;
  return weights;
}

/**
 * Adds each document's score for the query to `scores` (length = documentCount): cosine
 * similarity under TF-IDF, the Okapi sum under BM25. Terms the index never saw count for
 * nothing but still lengthen the TF-IDF query, as an unmatched word should. Documents scored
 * for the first time are appended to `touched`, so a caller can reset only those.
 */
export function scoreQuery(
  index: InvertedIndex,
  query: readonly string[],
  scores: Float32Array,
  touched?: number[],
): void {
  const counts = termFrequencies(query);
  const known: [number, number][] = [];
  let squares = 0;
  for (const [term, tf] of counts) {
    const t = index.terms.get(term);
    const idf = t === undefined ? Math.log(1 + index.documentCount) + 1 : index.idf[t]!;
    const weight = index.weighting.kind === 'bm25' ? idf : sublinear(tf) * idf;
    squares += weight * weight;
    if (t !== undefined) known.push([t, weight]);
  }
  const norm = index.weighting.kind === 'bm25' ? 1 : Math.sqrt(squares) || 1;
  const { start, documents, weights } = index;
  for (const [t, weight] of known) {
    const w = weight / norm;
    for (let p = start[t]!, end = start[t + 1]!; p < end; p++) {
      const document = documents[p]!;
      if (touched && scores[document] === 0) touched.push(document);
      scores[document]! += w * weights[p]!;
    }
  }
}

/**
 * Adds to `coverage` the share of each TF-IDF document's weight that the query's terms cover
 * (1 when every term of the document occurs in the query): how much of a label a long text
 * contains, which cosine similarity, diluted by the rest of the text, does not say.
 */
export function scoreCoverage(
  index: InvertedIndex,
  query: readonly string[],
  coverage: Float32Array,
): void {
  const { start, documents, weights } = index;
  for (const term of new Set(query)) {
    const t = index.terms.get(term);
    if (t === undefined) continue;
    for (let p = start[t]!, end = start[t + 1]!; p < end; p++) {
      coverage[documents[p]!]! += weights[p]! * weights[p]!;
    }
  }
}
