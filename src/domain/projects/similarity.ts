/**
 * Similarity between submissions of different learners: word k-gram shingles (k = 5 by default),
 * compared by Jaccard (overall overlap) and containment (the share of the smaller text found in
 * the other, which catches a copied section inside a longer text). Runs of shared shingles become
 * the matching passages an assessor reads. Pure, so it is tested on its own.
 */

export type SimilarityOptions = {
  /** Words per shingle. */
  shingleSize?: number;
  /** Containment at or above which a pair is flagged. */
  threshold?: number;
  /** Longest passage quoted, in characters. */
  maxPassageLength?: number;
  maxPassages?: number;
};

export type SimilarityMatch = {
  jaccard: number;
  containment: number;
  /** Shared passages as they read in the first text and in the second. */
  passages: Array<{ text: string; otherText: string }>;
};

type Word = { word: string; start: number; end: number };

const defaults = { shingleSize: 5, threshold: 0.3, maxPassageLength: 400, maxPassages: 5 };

/** Words in reading order with their character offsets; case, accents' forms and punctuation fold. */
export function words(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)) {
    result.push({
      word: match[0].normalize('NFKC').toLowerCase(),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return result;
}

/** shingle → the word positions where it starts. */
export function shingles(list: readonly Word[], size: number): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (let index = 0; index + size <= list.length; index++) {
    const key = list
      .slice(index, index + size)
      .map((w) => w.word)
      .join(' ');
    const positions = result.get(key);
    if (positions) positions.push(index);
    else result.set(key, [index]);
  }
  return result;
}

/** Compares two texts; always returns the measures, whether or not they cross the threshold. */
export function compareTexts(
  first: string,
  second: string,
  options: SimilarityOptions = {},
): SimilarityMatch {
  const { shingleSize, maxPassageLength, maxPassages } = { ...defaults, ...options };
  const a = words(first);
  const b = words(second);
  const shinglesA = shingles(a, shingleSize);
  const shinglesB = shingles(b, shingleSize);
  let shared = 0;
  for (const key of shinglesA.keys()) if (shinglesB.has(key)) shared++;
  const union = shinglesA.size + shinglesB.size - shared;
  const smaller = Math.min(shinglesA.size, shinglesB.size);
  const jaccard = union === 0 ? 0 : shared / union;
  const containment = smaller === 0 ? 0 : shared / smaller;
  const passages = sharedRuns(a, shinglesA, shinglesB, shingleSize)
    .slice(0, maxPassages)
    .map((run) => {
      const otherStart = shinglesB.get(run.firstKey)![0]!;
      const otherEnd = Math.min(b.length - 1, otherStart + (run.end - run.start));
      return {
        text: excerpt(first, a[run.start]!.start, a[run.end]!.end, maxPassageLength),
        otherText: excerpt(second, b[otherStart]!.start, b[otherEnd]!.end, maxPassageLength),
      };
    });
  return { jaccard: round(jaccard), containment: round(containment), passages };
}

/** Maximal runs of consecutive shared shingles in the first text, as word ranges. */
function sharedRuns(
  a: readonly Word[],
  shinglesA: Map<string, number[]>,
  shinglesB: Map<string, number[]>,
  size: number,
): Array<{ start: number; end: number; firstKey: string }> {
  const sharedAt = new Map<number, string>();
  for (const [key, positions] of shinglesA)
    if (shinglesB.has(key)) for (const position of positions) sharedAt.set(position, key);
  const runs: Array<{ start: number; end: number; firstKey: string }> = [];
  for (const position of [...sharedAt.keys()].sort((x, y) => x - y)) {
    const last = runs.at(-1);
    const end = Math.min(a.length - 1, position + size - 1);
    if (last && position <= last.end + 1) last.end = Math.max(last.end, end);
    else runs.push({ start: position, end, firstKey: sharedAt.get(position)! });
  }
  return runs.sort((x, y) => y.end - y.start - (x.end - x.start));
}

export type SimilarityDocument = { id: string; learnerId: string; text: string };
export type SimilarPair = SimilarityMatch & { firstId: string; secondId: string };

/**
 * Flags pairs of documents by different learners whose containment reaches the threshold.
 * A learner's own earlier versions are never compared with each other.
 */
export function findSimilarPairs(
  documents: readonly SimilarityDocument[],
  options: SimilarityOptions = {},
): SimilarPair[] {
  const threshold = options.threshold ?? defaults.threshold;
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < documents.length; i++) {
    for (let j = i + 1; j < documents.length; j++) {
      const [first, second] = [documents[i]!, documents[j]!];
      if (first.learnerId === second.learnerId) continue;
      const match = compareTexts(first.text, second.text, options);
      if (match.containment >= threshold && match.passages.length > 0)
        pairs.push({ firstId: first.id, secondId: second.id, ...match });
    }
  }
  return pairs;
}

function excerpt(text: string, start: number, end: number, max: number): string {
  const passage = text.slice(start, end);
  return passage.length <= max ? passage : `${passage.slice(0, max - 1)}…`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
