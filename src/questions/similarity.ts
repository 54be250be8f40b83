/** Grouping questions that ask the same thing in slightly different words, for the maintainers' report. */
import { distance } from '../text/natural';
import { fold } from '../text/fold';
import type { QuestionGroup } from '../types';

/**
 * Words that carry no topic, in the six knowledge languages (already folded: no case, no accents).
 * Question words are among them on purpose: "who founded OASC" and "when was OASC founded" both tell
 * the maintainers that OASC's founding is missing.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    // en
    'a an the of to in on at for by with from and or is are was were be been being do does did has have had ' +
    'what who whom whose which when where why how much many can could would should will shall may might ' +
    'i me my we us our you your it its this that these those there here about please tell know any some ' +
    // nl
    'de het een van en of is zijn wat wie waar wanneer hoe welke welk in op voor met aan bij naar er ' +
    // fr
    'le la les l un une des du d et est sont qui que qu quoi quel quelle quels quelles ou comment en au aux pour avec ce c ' +
    // de
    'der die das den dem des ein eine einen und ist sind wer was wo wann wie welche welcher im von zu mit fur ' +
    // es
    'el los las una del y es son quien donde cuando como para con que cual ' +
    // it
    'il lo gli le di e chi che cosa dove quando come per con cui'
  ).split(/\s+/),
);

/** Two different words this close (Jaro-Winkler), with the same first letter, are taken as one word misspelt, e.g. "eurocites" / "eurocities". */
const TYPO_SIMILARITY = 0.92;
/** Shortest word compared for typos: short words differ by one letter too easily ("vice" / "nice"). */
const TYPO_MIN_LENGTH = 5;
/** Two questions whose topic words overlap at least this much (soft Jaccard) are grouped. */
export const GROUP_SIMILARITY = 0.75;
/** Wordings listed under a group besides its main one. */
export const MAX_VARIANTS = 5;
/**
 * Distinct wordings (most frequent first) compared with one another. Comparing is quadratic in the worst
 * case (every question sharing a word with every other), so rarer wordings past this many keep to
 * themselves: the report stays fast whatever lands in the log.
 */
export const MAX_COMPARED = 2000;

/**
 * Folds a question for comparison: lower case, no diacritics, punctuation to spaces, single spaces.
 * @example normaliseQuestion('Qui a fondé l’OASC ?') // 'qui a fonde l oasc'
 */
export function normaliseQuestion(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The topic words of a question: folded, function words dropped, a plural "s" cut, each word once, sorted. */
export function topicWords(text: string): string[] {
  const words = normaliseQuestion(text).split(' ').filter(Boolean);
  const topical = words.filter((w) => !FUNCTION_WORDS.has(w));
  const chosen = topical.length > 0 ? topical : words;
  return [...new Set(chosen.map(singular))].sort();
}

function singular(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Whether a word may be compared for typos: long enough, and letters only (2023 and 2024 are not a typo). */
function typoProne(word: string): boolean {
  return word.length >= TYPO_MIN_LENGTH && /^\p{L}+$/u.test(word);
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // Cheap checks first: a misspelling keeps its first letter and about its length.
  if (a[0] !== b[0] || Math.abs(a.length - b.length) > 2 || !typoProne(a) || !typoProne(b)) return false;
  return distance.JaroWinklerDistance(a, b) >= TYPO_SIMILARITY;
}

/**
 * Soft Jaccard similarity of two word sets: like |A∩B| / |A∪B|, where a misspelt word still matches.
 * @returns 0..1
 */
export function wordSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const unmatched = [...b];
  let matches = 0;
  for (const word of a) {
    const exact = unmatched.indexOf(word);
    const index = exact >= 0 ? exact : unmatched.findIndex((other) => sameWord(word, other));
    if (index >= 0) {
      unmatched.splice(index, 1);
      matches += 1;
    }
  }
  return matches / (a.length + b.length - matches);
}

interface Bucket {
  words: string[];
  count: number;
  /** Wording as asked (trimmed, spaces collapsed) → how often. */
  wordings: Map<string, number>;
}

/**
 * Groups questions by similarity, most frequent group first.
 * Identical topic words fall into one bucket; buckets are then merged greedily, most frequent first,
 * into the group whose leading wording they resemble most (at least {@link GROUP_SIMILARITY}).
 * Past the {@link MAX_COMPARED} most frequent buckets, each bucket is its own group.
 * @param questions the question texts, one per time asked
 */
export function groupQuestions(questions: Iterable<string>): QuestionGroup[] {
  const buckets = new Map<string, Bucket>();
  for (const question of questions) {
    const wording = question.replace(/\s+/g, ' ').trim();
    if (wording === '') continue;
    const words = topicWords(wording);
    const key = words.join(' ');
    const bucket = buckets.get(key) ?? { words, count: 0, wordings: new Map<string, number>() };
    bucket.count += 1;
    bucket.wordings.set(wording, (bucket.wordings.get(wording) ?? 0) + 1);
    buckets.set(key, bucket);
  }

  const ordered = [...buckets.entries()].sort(([ka, a], [kb, b]) => b.count - a.count || compare(ka, kb)).map(([, b]) => b);
  const groups: { leader: string[]; long: number; count: number; wordings: Map<string, number> }[] = [];
  // Word → groups whose leader has it: only groups sharing a word are compared.
  const byWord = new Map<string, number[]>();
  // Words shared with each group, counted in one pass over the postings (reset after each bucket).
  const shared = new Int32Array(ordered.length);
  const sharedLong = new Int32Array(ordered.length);
  for (const [position, bucket] of ordered.entries()) {
    if (position >= MAX_COMPARED) {
      groups.push({ leader: bucket.words, long: 0, count: bucket.count, wordings: bucket.wordings });
      continue;
    }
    const touched: number[] = [];
    for (const word of bucket.words) {
      for (const index of byWord.get(word) ?? []) {
        if (shared[index] === 0) touched.push(index);
        shared[index] += 1;
        if (typoProne(word)) sharedLong[index] += 1;
      }
    }
    const long = countLong(bucket.words);
    let best = -1;
    let bestSimilarity = 0;
    for (const index of touched) {
      const group = groups[index]!;
      const exact = shared[index]!;
      const exactLong = sharedLong[index]!;
      shared[index] = 0;
      sharedLong[index] = 0;
      // Cheap upper bound first: the shared words plus every unshared long word taken as a misspelling. Most pairs stop here.
      const most = exact + Math.min(long - exactLong, group.long - exactLong);
      if (most / (bucket.words.length + group.leader.length - most) < GROUP_SIMILARITY) continue;
      const similarity = wordSetSimilarity(bucket.words, group.leader);
      // Ties go to the older (more frequent) group, whatever order the postings came in.
      if (similarity > bestSimilarity || (similarity === bestSimilarity && index < best)) {
        best = index;
        bestSimilarity = similarity;
      }
    }
    if (best >= 0 && bestSimilarity >= GROUP_SIMILARITY) {
      const group = groups[best]!;
      group.count += bucket.count;
      for (const [wording, n] of bucket.wordings) group.wordings.set(wording, (group.wordings.get(wording) ?? 0) + n);
      continue;
    }
    groups.push({ leader: bucket.words, long, count: bucket.count, wordings: new Map(bucket.wordings) });
    for (const word of bucket.words) {
      const postings = byWord.get(word);
      if (postings) postings.push(groups.length - 1);
      else byWord.set(word, [groups.length - 1]);
    }
  }

  return groups
    .map((group) => {
      // Stable sort: among equally frequent wordings the first asked leads.
      const [question, ...variants] = [...group.wordings.entries()].sort(([, na], [, nb]) => nb - na).map(([w]) => w);
      return { question: question!, count: group.count, variants: variants.slice(0, MAX_VARIANTS) };
    })
    .sort((a, b) => b.count - a.count || compare(a.question, b.question));
}

function countLong(words: readonly string[]): number {
  return words.filter(typoProne).length;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
