/**
 * The searchable form of a set of concepts (ESCO skills or occupations): exact lookups of the
 * preferred and alternative labels, a character n-gram TF-IDF index with one document per label
 * (robust to spelling and inflection: "developing" ~ "develop"), and a word BM25 index with one
 * document per concept (labels and description, stemmed), which reaches concepts whose labels
 * share no surface form with the text.
 */
import { buildInvertedIndex, type InvertedIndex } from './inverted-index.ts';
import { buildMeaningIndex, type MeaningIndex } from './meaning.ts';
import { buildSemanticIndex, type SemanticIndex, type WordVectors } from './semantic.ts';
import { charNgrams, contentTerms, normalizeText } from './text.ts';

export type ConceptInput = {
  id: string;
  uri: string;
  label: string;
  altLabels: readonly string[];
  description: string | null;
};

export type IndexedConcept = { id: string; uri: string; label: string };

export type ConceptIndex = {
  concepts: IndexedConcept[];
  /** Normalized preferred label → concepts; normalized alternative label → concepts. */
  preferred: Map<string, number[]>;
  alternative: Map<string, number[]>;
  /** Label document → its concept, and whether it is the preferred label. */
  labelConcept: Int32Array;
  labelPreferred: Uint8Array;
  labelGrams: InvertedIndex;
  /** One document per label too, of its stemmed content words. */
  labelWords: InvertedIndex;
  conceptWords: InvertedIndex;
  /** Present when word vectors were given. */
  semantic: SemanticIndex | undefined;
  meaning: MeaningIndex | undefined;
  /** Longest label in words: the longest span of a text worth comparing with a label. */
  longestLabel: number;
};

export const CHAR_NGRAM = 3;
/** BM25 constants as commonly used (Robertson & Zaragoza 2009); labels are short, descriptions not. */
export const BM25 = { kind: 'bm25', k1: 1.2, b: 0.75 } as const;

function addTo(map: Map<string, number[]>, key: string, concept: number) {
  const list = map.get(key);
  if (!list) map.set(key, [concept]);
  else if (!list.includes(concept)) list.push(concept);
}

/** Builds the index; concepts keep their input order, which breaks ties deterministically. */
export function buildConceptIndex(
  inputs: readonly ConceptInput[],
  options: { vectors?: WordVectors } = {},
): ConceptIndex {
  const preferred = new Map<string, number[]>();
  const alternative = new Map<string, number[]>();
  const labelDocuments: string[][] = [];
  const labelWordDocuments: string[][] = [];
  const labelTexts: string[] = [];
  const labelConcept: number[] = [];
  const labelPreferred: number[] = [];
  const conceptDocuments: string[][] = [];
  const conceptTexts: string[] = [];
  let longestLabel = 1;
  inputs.forEach((input, concept) => {
    const labels = [input.label, ...input.altLabels];
    const seen = new Set<string>();
    labels.forEach((label, i) => {
      const normalized = normalizeText(label);
      if (normalized === '' || seen.has(normalized)) return;
      seen.add(normalized);
      addTo(i === 0 ? preferred : alternative, normalized, concept);
      labelDocuments.push(charNgrams(normalized, CHAR_NGRAM));
      labelWordDocuments.push(contentTerms(normalized));
      labelTexts.push(normalized);
      labelConcept.push(concept);
      labelPreferred.push(i === 0 ? 1 : 0);
      longestLabel = Math.max(longestLabel, normalized.split(' ').length);
    });
    const text = `${labels.join(' . ')} . ${input.description ?? ''}`;
    conceptDocuments.push(contentTerms(text));
    conceptTexts.push(text);
  });
  return {
    concepts: inputs.map(({ id, uri, label }) => ({ id, uri, label })),
    preferred,
    alternative,
    labelConcept: Int32Array.from(labelConcept),
    labelPreferred: Uint8Array.from(labelPreferred),
    labelGrams: buildInvertedIndex(labelDocuments, { kind: 'tfidf' }),
    labelWords: buildInvertedIndex(labelWordDocuments, { kind: 'tfidf' }),
    conceptWords: buildInvertedIndex(conceptDocuments, BM25),
    semantic: options.vectors ? buildSemanticIndex(labelTexts, options.vectors) : undefined,
    meaning: options.vectors ? buildMeaningIndex(conceptTexts, options.vectors) : undefined,
    longestLabel,
  };
}
