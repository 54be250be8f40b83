/**
 * What the answer model sees of one candidate answer: a fixed list of numbers, each from a small pure function.
 * The model (model.ts) weighs them; `npm run train` fits the weights (src/answer/model/weights.json).
 */

/** The features, in the order of the model's weights. Adding or reordering one needs `npm run train`. */
export const FEATURE_NAMES = [
  // How much of the question's weighted words the candidate covers, by how each word was matched.
  'cover_exact',
  'cover_stem',
  'cover_context',
  'cover_other_language',
  'cover_maintainer_synonym',
  'cover_wordnet',
  'cover_typo',
  'cover_abbreviation',
  // What the question asks about a named subject, covered by the candidate and its headings.
  'cover_attribute',
  'log_cover',
  'phrase',
  'support',
  'unknown_words',
  'missing_in_passage',
  'largest_missing',
  'missing_words',
  // Retrieval.
  'rank_ratio',
  'first_passage',
  // Answer type and language.
  'expected_present',
  'expected_missing',
  // The same, times the share of the question covered: when every word is there, the answer type is what decides.
  'expected_missing_covered',
  // A who-question's name found only as common words written large ("Council", "Agenda"), none WordNet lacks.
  'person_common_words_only',
  'other_language',
  // Subject and names.
  'name_missing',
  'absent_place',
  'off_subject',
  'lone_common_word',
  'role_conflict',
  'other_attribute',
  'fact_unmatched',
  // Contradiction signals.
  'antonym',
  'negation_mismatch',
  'number_mismatch',
  'sequence_missing',
  // Candidates of the structured intents (intents.ts): which one, and how closely the name asked matched.
  'membership_yes',
  'membership_no',
  'count_answer',
  'list_answer',
  'definition_answer',
  'name_match',
  // Shape of the candidate.
  'joined_previous',
  'paired_next',
  'labelled_fact',
  'length',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

const ZERO: Readonly<Features> = Object.freeze(Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Features);

/** All features at 0 (a copy of one frozen template: this runs for every candidate). */
export function noFeatures(): Features {
  return { ...ZERO };
}

/** Sum of `weights[i]` over the bits set in `mask` (question words are tracked as bits of a 31-bit mask). */
export function maskWeight(mask: number, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; mask; i++, mask >>>= 1) if (mask & 1) sum += weights[i] ?? 0;
  return sum;
}

/** The largest weight among the bits not set in `covered` (of the first `count`), 0 when all are set. */
export function largestMissing(covered: number, count: number, weights: readonly number[]): number {
  let largest = 0;
  for (let i = 0; i < count; i++) if (!(covered & (1 << i))) largest = Math.max(largest, weights[i] ?? 0);
  return largest;
}

/** Number of bits set. */
export function bitCount(mask: number): number {
  let n = 0;
  for (; mask; mask &= mask - 1) n++;
  return n;
}

/**
 * Whether a candidate holds an antonym of a question word without the word itself ("largest" for "smallest"):
 * `antonymMask` has the bits of the question words whose antonyms it holds, `wordMask` those of the words it holds.
 */
export function antonymWithoutWord(antonymMask: number, wordMask: number): boolean {
  return (antonymMask & ~wordMask) !== 0;
}

const NUMBER_RE = /\d+(?:[.,]\d+)?/g;

/** The numbers written in digits in a text, commas between thousands dropped ("1,000" → 1000). */
export function numbersIn(text: string): string[] {
  return (text.replace(/(\d),(?=\d{3}\b)/g, '$1').match(NUMBER_RE) ?? []).map((n) => n.replace(',', '.'));
}

/** Whether the question names a number (a year, an amount) that the candidate (its numbers given) lacks while it names another. */
export function numberMismatch(questionNumbers: readonly string[], candidateNumbers: readonly string[]): boolean {
  return questionNumbers.length > 0 && candidateNumbers.length > 0 && questionNumbers.some((n) => !candidateNumbers.includes(n));
}

/**
 * The log of a share, floored at 1%: the old hand-set rules multiplied confidence by factors, which a logistic model
 * can only weigh additively on a log scale.
 */
export function logShare(share: number): number {
  return Math.log(Math.max(MIN_SHARE, share)) / -Math.log(MIN_SHARE) + 1;
}
const MIN_SHARE = 0.01;

/** The candidate's length on a log scale, 0 for one word and 1 at `longest` characters. */
export function lengthFeature(chars: number, longest: number): number {
  return Math.log(Math.max(1, chars)) / Math.log(longest);
}
