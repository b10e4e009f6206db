/**
 * Text as the matcher sees it: folded to lower-case ASCII-ish words, so "Développement", "C++"
 * and "node.js" compare the way a person would read them.
 */
import { stemmer } from 'stemmer';

/**
 * Lower-case, accents removed, every run of characters other than letters, digits, `+` and `#`
 * turned into one space ("C++" and "C#" stay apart from "C").
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * Function words plus the filler of job advertisements ("ability", "experience", "knowledge"),
 * which say that a skill is wanted, not which one.
 */
const STOPWORDS = new Set(
  `a about above after again all also am an and any are as at be been being both but by can could
  did do does doing during each etc for from further had has have having he her here hers him his
  how i if in into is it its itself just may me might more most must my no nor not of off on once
  only or other our ours out over own per same shall she should so some such than that the their
  theirs them then there these they this those through to too under until up us very via was we
  were what when where which while who whom why will with within would you your yours
  ability able across etc e g ie eg including experience experienced knowledge proficiency
  proficient understanding strong excellent good great solid proven working skills skill
  familiarity familiar plus preferred required requirements desirable years year`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const stems = new Map<string, string>();

/** Porter stem, memoized: the same few thousand words come back for every label and query. */
export function stem(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    // Short words, numbers and symbols ("c#", "r", "3d") are names, not inflected English.
    found = word.length <= 3 || !/^\p{L}+$/u.test(word) ? word : stemmer(word);
    if (stems.size < 200_000) stems.set(word, found);
  }
  return found;
}

/** The content words of a text, stemmed: what word-level retrieval indexes and queries. */
export function contentTerms(text: string): string[] {
  return words(text)
    .filter((word) => !isStopword(word))
    .map(stem);
}

/**
 * Character n-grams of the normalized text with a space on each side, so word starts and ends
 * count ("java" → " ja", "jav", "ava", "va ").
 */
export function charNgrams(normalized: string, n: number): string[] {
  const padded = ` ${normalized} `;
  if (padded.length < n) return [padded];
  const grams: string[] = [];
  for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  return grams;
}
