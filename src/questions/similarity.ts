/** Grouping questions that ask the same thing in slightly different words, for the maintainers' report. */
import { distance } from '../text/natural';
import { fold } from '../text/fold';
import type { QuestionGroup } from '../types';
import { runInSlices } from '../util/slices';

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
import { GROUPING_CHARS } from './records';

export { GROUPING_CHARS };
/** Topic words kept per question (its first ones): a 200-character question has at most about 16. */
export const MAX_TOPIC_WORDS = 16;
/**
 * Groups compared per shared word, the most frequent first. A word every question shares ("eurocities") would
 * otherwise make grouping quadratic; the most frequent groups are the likeliest to absorb a new wording.
 */
export const CANDIDATES_PER_KEY = 16;
/** Rarest words of a group's leader indexed at least (all of a short question's words). */
const MIN_INDEXED_WORDS = 4;

/**
 * Folds a question for comparison: lower case, no diacritics, punctuation to spaces, single spaces.
 * @example normaliseQuestion('Qui a fondé l’OASC ?') // 'qui a fonde l oasc'
 */
export function normaliseQuestion(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The topic words of a question: folded, function words dropped, a plural "s" cut, each word once, sorted.
 * Reads the first GROUPING_CHARS characters and keeps the first {@link MAX_TOPIC_WORDS} topic words.
 */
export function topicWords(text: string): string[] {
  const head = text.slice(0, GROUPING_CHARS);
  // Plain ASCII (most questions) folds to its lower case: skip Unicode normalisation, the costliest step.
  const words = (ASCII.test(head) ? head.toLowerCase().match(ASCII_WORD) : fold(head).match(LETTERS_AND_DIGITS)) ?? [];
  const topical: string[] = [];
  for (const word of words) {
    if (FUNCTION_WORDS.has(word)) continue;
    const w = singular(word);
    if (!topical.includes(w)) topical.push(w);
    if (topical.length === MAX_TOPIC_WORDS) break;
  }
  if (topical.length === 0) for (const word of words) if (!topical.includes(word) && topical.length < MAX_TOPIC_WORDS) topical.push(singular(word));
  return topical.sort();
}

const LETTERS_AND_DIGITS = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;

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

/**
 * {@link wordSetSimilarity} when it reaches `threshold`, else -1, giving up as soon as too many words of `a`
 * went unmatched: two long questions that differ are told apart after a few words, not after every pair.
 */
function similarityAtLeast(a: readonly string[], b: readonly string[], threshold: number): number {
  // matches / (|a| + |b| − matches) ≥ t  ⇔  matches ≥ t·(|a| + |b|) / (1 + t)
  const needed = (threshold * (a.length + b.length)) / (1 + threshold);
  const unmatched = [...b];
  let matches = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (matches + (a.length - i) < needed) return -1;
    const word = a[i]!;
    const exact = unmatched.indexOf(word);
    const index = exact >= 0 ? exact : unmatched.findIndex((other) => sameWord(word, other));
    if (index >= 0) {
      unmatched.splice(index, 1);
      matches += 1;
    }
  }
  const similarity = matches / (a.length + b.length - matches);
  return similarity >= threshold ? similarity : -1;
}

interface Bucket {
  words: string[];
  /** The words as ids, rarest first (ids are given in order of rarity). */
  ids: Int32Array;
  count: number;
  /** Wording as asked (trimmed, spaces collapsed) → how often. */
  wordings: Map<string, number>;
}

interface Group {
  leader: string[];
  /** The leader's word ids, ascending. */
  ids: Int32Array;
  long: number;
  count: number;
  wordings: Map<string, number>;
}

/** Work items between two checks of the clock in {@link groupQuestionsInSlices}. */
const STEP = 256;

/**
 * Greedy grouping, one step at a time (see {@link grouping}); the steps are plain methods so the hot loops
 * stay out of the generator that drives them. Words become integer ids numbered by rarity, so a bucket's
 * rarest words come first and two word sets are intersected by merging sorted arrays.
 */
class Grouper {
  private readonly buckets = new Map<string, Bucket>();
  private ordered: Bucket[] = [];
  private readonly groups: Group[] = [];
  /** Word id → how many buckets use it. */
  private frequency = new Int32Array(0);
  /** Word id → 1 when the word may be misspelt (long, letters only). */
  private long = new Uint8Array(0);
  /** Word id → groups (by index, oldest = most frequent first) with that word among their leader's rarest. */
  private readonly postings = new Map<number, number[]>();
  private seenAt = new Int32Array(0);

  add(question: string): void {
    const wording = question.replace(/\s+/g, ' ').trim();
    if (wording === '') return;
    const known = this.buckets.get(wording);
    if (known) {
      // The same wording again: no need to fold it twice.
      known.count += 1;
      known.wordings.set(wording, (known.wordings.get(wording) ?? 0) + 1);
      return;
    }
    const words = topicWords(wording);
    const key = ` ${words.join(' ')}`;
    const bucket = this.buckets.get(key) ?? { words, ids: new Int32Array(0), count: 0, wordings: new Map<string, number>() };
    bucket.count += 1;
    bucket.wordings.set(wording, (bucket.wordings.get(wording) ?? 0) + 1);
    this.buckets.set(key, bucket);
    // The wording itself points at its bucket too (a key with a leading space never equals a trimmed wording).
    this.buckets.set(wording, bucket);
  }

  /**
   * Numbers the words by rarity and orders the buckets, most frequent first, yielding every {@link STEP} items.
   * Both orders are counting sorts (ties keep the order of first appearance), so no step takes long.
   * @returns how many buckets
   */
  *prepare(): Generator<void, number> {
    const unique: Bucket[] = [];
    const counts = new Map<string, number>();
    for (const [key, bucket] of this.buckets) {
      if (!key.startsWith(' ')) continue;
      unique.push(bucket);
      for (const word of bucket.words) counts.set(word, (counts.get(word) ?? 0) + 1);
      if (unique.length % STEP === 0) yield;
    }
    const vocabulary = byCount([...counts.entries()], ([, n]) => n, 'ascending');
    yield;
    const id = new Map<string, number>();
    this.frequency = new Int32Array(vocabulary.length);
    this.long = new Uint8Array(vocabulary.length);
    for (let i = 0; i < vocabulary.length; i += 1) {
      const [word, n] = vocabulary[i]!;
      id.set(word, i);
      this.frequency[i] = n;
      this.long[i] = typoProne(word) ? 1 : 0;
      if (i % (STEP * 8) === 0) yield;
    }
    for (let i = 0; i < unique.length; i += 1) {
      const bucket = unique[i]!;
      bucket.ids = Int32Array.from(bucket.words, (w) => id.get(w)!).sort();
      if (i % STEP === 0) yield;
    }
    this.ordered = byCount(unique, (b) => b.count, 'descending');
    this.seenAt = new Int32Array(this.ordered.length).fill(-1);
    return this.ordered.length;
  }

  /** Merges the bucket at `position` into the most similar earlier group, or starts a group. */
  merge(position: number): void {
    const bucket = this.ordered[position]!;
    const ids = bucket.ids;
    let long = 0;
    for (const w of ids) long += this.long[w]!;
    const prefix = prefixLength(ids.length);
    let best = -1;
    let bestSimilarity = 0;
    // Probe with the rarest words other buckets use too (a word no other bucket uses cannot be shared, and is
    // often a typo), one more than prefix filtering needs, so one misspelt word among them still leaves a shared one.
    let probed = 0;
    for (let k = 0; k < ids.length && probed <= prefix; k += 1) {
      const word = ids[k]!;
      if (this.frequency[word]! < 2) continue;
      probed += 1;
      const list = this.postings.get(word);
      if (!list) continue;
      for (const index of list) {
        if (this.seenAt[index] === position) continue;
        this.seenAt[index] = position;
        const group = this.groups[index]!;
        const [exact, exactLong] = this.overlap(ids, group.ids);
        // Cheap upper bound first: the shared words plus every unshared long word taken as a misspelling. Most pairs stop here.
        const most = exact + Math.min(long - exactLong, group.long - exactLong);
        if (most / (ids.length + group.ids.length - most) < GROUP_SIMILARITY) continue;
        const similarity = similarityAtLeast(bucket.words, group.leader, GROUP_SIMILARITY);
        // Ties go to the older (more frequent) group, whatever order the postings came in.
        if (similarity > bestSimilarity || (similarity === bestSimilarity && index < best)) {
          best = index;
          bestSimilarity = similarity;
        }
      }
    }
    if (best >= 0 && bestSimilarity >= GROUP_SIMILARITY) {
      const group = this.groups[best]!;
      group.count += bucket.count;
      for (const [wording, n] of bucket.wordings) group.wordings.set(wording, (group.wordings.get(wording) ?? 0) + n);
      return;
    }
    const index = this.groups.length;
    this.groups.push({ leader: bucket.words, ids, long, count: bucket.count, wordings: new Map(bucket.wordings) });
    let indexed = 0;
    for (let k = 0; k < ids.length && indexed < Math.max(prefix + 1, MIN_INDEXED_WORDS); k += 1) {
      const word = ids[k]!;
      if (this.frequency[word]! < 2) continue;
      indexed += 1;
      const list = this.postings.get(word);
      if (!list) this.postings.set(word, [index]);
      else if (list.length < CANDIDATES_PER_KEY) list.push(index);
    }
  }

  /** Words two ascending id lists share, and how many of those may be misspelt. */
  private overlap(a: Int32Array, b: Int32Array): [number, number] {
    let i = 0;
    let j = 0;
    let shared = 0;
    let sharedLong = 0;
    while (i < a.length && j < b.length) {
      const x = a[i]!;
      const y = b[j]!;
      if (x === y) {
        shared += 1;
        sharedLong += this.long[x]!;
        i += 1;
        j += 1;
      } else if (x < y) i += 1;
      else j += 1;
    }
    return [shared, sharedLong];
  }

  /**
   * The groups, most frequent first (ties by wording), yielding every {@link STEP} groups.
   * @param limit how many to return: the report needs only its top ones, so the rest are never sorted
   */
  *result(limit: number): Generator<void, QuestionGroup[]> {
    const ranked = byCount(this.groups, (g) => g.count, 'descending');
    yield;
    if (ranked.length <= limit) {
      const all: QuestionGroup[] = [];
      for (const group of ranked) {
        all.push(describe(group));
        if (all.length % STEP === 0) yield;
      }
      return all.sort(rank);
    }
    // The top `limit`: the groups at least as frequent as the limit-th, kept in a short sorted list, so a long
    // tail of groups asked once is never sorted whole.
    const threshold = ranked[limit - 1]!.count;
    const top: QuestionGroup[] = [];
    let visited = 0;
    for (const group of ranked) {
      if (group.count < threshold) break;
      const described = describe(group);
      let at = top.length;
      while (at > 0 && rank(described, top[at - 1]!) < 0) at -= 1;
      if (at < limit) {
        top.splice(at, 0, described);
        if (top.length > limit) top.pop();
      }
      if (++visited % STEP === 0) yield;
    }
    return top;
  }
}

/** A group as the report lists it: its most frequent wording (the first asked among equals), then the others. */
function describe(group: Group): QuestionGroup {
  const [question, ...variants] = [...group.wordings.entries()].sort(([, na], [, nb]) => nb - na).map(([w]) => w);
  return { question: question!, count: group.count, variants: variants.slice(0, MAX_VARIANTS) };
}

/** Most frequent first, then by wording. */
function rank(a: QuestionGroup, b: QuestionGroup): number {
  return b.count - a.count || compare(a.question, b.question);
}

/** Sorts by a small whole-number key in linear time (a counting sort); equal keys keep their order. */
function byCount<T>(items: readonly T[], key: (item: T) => number, order: 'ascending' | 'descending'): T[] {
  let max = 0;
  for (const item of items) max = Math.max(max, key(item));
  const slots: T[][] = Array.from({ length: max + 1 }, () => []);
  for (const item of items) slots[key(item)]!.push(item);
  if (order === 'descending') slots.reverse();
  return slots.flat();
}

/**
 * The grouping as a generator that yields every {@link STEP} items, so it can run in slices.
 *
 * Near-linear: identical topic words fall into one bucket; buckets are then merged greedily, most frequent
 * first, into the group whose leading wording they resemble most (at least {@link GROUP_SIMILARITY}). A bucket
 * is compared only with groups found through its rarest words that other buckets use too (prefix filtering:
 * two word sets that reach the threshold must share one of the |x| − ⌈0.75·|x|⌉ + 1 rarest words of either),
 * at most {@link CANDIDATES_PER_KEY} groups per word; the comparison itself tolerates misspelt words.
 */
function* grouping(questions: Iterable<string>, limit: number): Generator<void, QuestionGroup[]> {
  const grouper = new Grouper();
  let work = 0;
  for (const question of questions) {
    grouper.add(question);
    if (++work % STEP === 0) yield;
  }
  const buckets = yield* grouper.prepare();
  yield;
  for (let position = 0; position < buckets; position += 1) {
    grouper.merge(position);
    if (position % STEP === STEP - 1) yield;
  }
  return yield* grouper.result(limit);
}

/** Words of a set of `size` that two sets at {@link GROUP_SIMILARITY} must share one of (prefix filtering). */
function prefixLength(size: number): number {
  return Math.max(1, size - Math.ceil(GROUP_SIMILARITY * size) + 1);
}

/**
 * Groups questions by similarity, most frequent group first (see {@link groupQuestionsInSlices} to keep an
 * event loop responsive while grouping a large log).
 * @param questions the question texts, one per time asked
 * @param limit how many groups to return, the most frequent @defaultValue all
 */
export function groupQuestions(questions: Iterable<string>, limit = Infinity): QuestionGroup[] {
  const steps = grouping(questions, limit);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link groupQuestions} in slices of at most `sliceMs` milliseconds, yielding to the event loop between
 * them, so questions keep being answered while a large log is grouped.
 */
export function groupQuestionsInSlices(questions: Iterable<string>, limit = Infinity, sliceMs?: number): Promise<QuestionGroup[]> {
  return runInSlices(grouping(questions, limit), sliceMs);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
