import { stem } from './analyze';
import { RecentCache } from '../util/recent-cache';
import { fold } from './fold';
import { irregularFormsOf, lemmaCandidates, lemmas } from './lemmatize';
import { wordNet, type WordNetTable } from './wordnet';
import { addWordPrefixes } from '../util/word-prefixes';

/** How a question term relates to an index term through WordNet. */
export type LexicalKind = 'synonym' | 'derived';

/** One index term a question term relates to. */
export interface LexicalLink {
  term: string;
  kind: LexicalKind;
}

/**
 * English lexical links from WordNet, resolved against one index's vocabulary before questions arrive, so
 * answering never reads WordNet. Plain JSON: store it with the saved index.
 *
 * Keys are question-side terms as the index's analyser makes them (folded, English-stemmed: "decis" for
 * "decision"); values are numbers into `terms` (the index terms reached). In `related`, a value is
 * `termNumber * 2 + kind` (0 synonym, 1 derived form).
 */
export interface LexicalLinks {
  formatVersion: number;
  /** The WordNet table the links come from. */
  source: string;
  /** Index terms the links reach. */
  terms: string[];
  /** Question term → index terms of its synonyms and derivationally related forms. */
  related: Record<string, number[]>;
  /** Question term → index terms of its antonyms ("smallest" → largest). */
  antonyms: Record<string, number[]>;
  /** A WordNet collocation as lemmas joined by spaces ("come up with") → related index terms, coded as in `related`. */
  phrases: Record<string, number[]>;
  /**
   * Index terms of words WordNet knows ("council", "presidency", "agenda"), sorted: a capitalised one in a sentence is
   * a common word written large, no person's name ("Laia", "Bonet" are not among them).
   */
  lemmaTerms: string[];
}

/**
 * Bumped when the shape or meaning of `LexicalLinks` changes, together with INDEX_FORMAT_VERSION
 * (src/search/options.ts): a saved index of another format version, and so its links, is rebuilt.
 */
export const LEXICAL_LINKS_VERSION = 3;

const KINDS: readonly LexicalKind[] = ['synonym', 'derived'];
const NONE: readonly never[] = [];

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** The English index term of one folded word, as `terms()` in analyze.ts makes it. */
const englishTerm = (word: string): string => stem(fold(word), 'en');

/** Options of `buildLexicalLinks`. */
export interface LexicalLinkOptions {
  /**
   * Folded surface words of the indexed English text (before stemming). Each index term is then tied to
   * the WordNet lemmas of the words it came from ("largest" → large, "founded" → found). Without them every
   * WordNet lemma is stemmed to find the index terms it shares a stem with, which is slower (about a second)
   * and looser.
   */
  words?: Iterable<string>;
  /**
   * The maintainers' synonym groups (`knowledge/synonyms.yml`, folded): linked like WordNet synonyms, so that a
   * phrase WordNet lacks ("came up with" in a group with "invent") reaches the index too.
   */
  synonymGroups?: Iterable<{ words: readonly string[] }>;
  /** Another WordNet table (tests); default the bundled one. */
  table?: WordNetTable;
}

const KIND_CODE: Record<LexicalKind, number> = { synonym: 0, derived: 1 };
const ONE_WORD_RE = /^[a-z]+$/;
// A collocation a question's words can spell: letters only (not "rock 'n' roll" or "a.d.").
const PHRASE_RE = /^[a-z]+(?: [a-z]+)+$/;

/**
 * Resolves WordNet's synonyms, derived forms and antonyms against an index vocabulary: for every WordNet
 * lemma related to a lemma the index holds, its question-side term (or, for a collocation, its words) →
 * those index terms. Only links that reach the vocabulary are kept.
 * @param vocabulary the index terms (English-stemmed, as `terms()` produces them)
 * @example
 * const links = buildLexicalLinks(index.documentFrequency.keys(), { words: englishWordsOfTheIndex });
 * relatedIndexTerms(links, stem('decision', 'en')); // [{ term: 'decid', kind: 'derived' }] when "decided" is indexed
 */
export function buildLexicalLinks(vocabulary: Iterable<string>, options: LexicalLinkOptions = {}): LexicalLinks {
  const table = options.table ?? wordNet();
  const vocab = new Set(vocabulary);
  // Lemma number → the index terms that stand for it.
  const termsOfLemma = new Map<number, Set<string>>();
  const tie = (id: number | undefined, term: string) => {
    if (id === undefined) return;
    let set = termsOfLemma.get(id);
    if (!set) termsOfLemma.set(id, (set = new Set()));
    set.add(term);
  };
  if (options.words) {
    for (const word of new Set(options.words)) {
      if (!ONE_WORD_RE.test(word)) continue;
      const term = englishTerm(word);
      if (vocab.has(term)) for (const lemma of lemmas(word, undefined, table)) tie(table.id(lemma), term);
    }
  } else {
    table.lemmas.forEach((lemma, id) => {
      if (!ONE_WORD_RE.test(lemma)) return;
      const term = englishTerm(lemma);
      if (vocab.has(term)) tie(id, term);
    });
    for (const term of vocab) if (ONE_WORD_RE.test(term)) for (const lemma of lemmas(term, undefined, table)) tie(table.id(lemma), term);
  }

  // Question-side key → index term → kind (a synonym wins over a derived form).
  const related = new Map<string, Map<string, number>>();
  const phrases = new Map<string, Map<string, number>>();
  const antonyms = new Map<string, Set<string>>();
  const add = (into: Map<string, Map<string, number>>, key: string, terms: Iterable<string>, kind: number) => {
    let entry = into.get(key);
    for (const term of terms) {
      if (term === key) continue;
      if (!entry) into.set(key, (entry = new Map()));
      if ((entry.get(term) ?? 2) > kind) entry.set(term, kind);
    }
  };
  // A one-word lemma is looked up under its own term and those of its irregular forms ("man": man, men).
  const keyCache = new Map<string, string[]>();
  const keysOf = (lemma: string) => {
    let keys = keyCache.get(lemma);
    if (!keys) {
      keys = [...new Set([englishTerm(lemma), ...irregularFormsOf(lemma).filter((f) => ONE_WORD_RE.test(f)).map(englishTerm)])];
      keyCache.set(lemma, keys);
    }
    return keys;
  };
  // Relations are symmetric, so walking out from the lemmas the index holds finds every link that reaches it.
  for (const [tied, terms] of termsOfLemma) {
    const reach = (others: number[], kind: number) => {
      for (const other of others) {
        const lemma = table.lemmas[other];
        if (ONE_WORD_RE.test(lemma)) for (const key of keysOf(lemma)) add(related, key, terms, kind);
        else if (PHRASE_RE.test(lemma)) add(phrases, lemma, terms, kind);
      }
    };
    reach(table.synonyms(tied), KIND_CODE.synonym);
    reach(table.derived(tied), KIND_CODE.derived);
    for (const other of table.antonyms(tied)) {
      const lemma = table.lemmas[other];
      if (!ONE_WORD_RE.test(lemma)) continue;
      for (const key of keysOf(lemma)) {
        let entry = antonyms.get(key);
        for (const term of terms) {
          if (term === key) continue;
          if (!entry) antonyms.set(key, (entry = new Set()));
          entry.add(term);
        }
      }
    }
  }
  // A phrase the maintainers group says what it means here: WordNet's senses of it are dropped ("in charge of" is
  // not "commission" in a group with "manage").
  const maintainersPhrases = new Set<string>();
  for (const { words: group } of options.synonymGroups ?? []) {
    // What a member stands for in the index: its word's term, or its phrase's terms when the index holds them all
    // ("city hall" in a group with "public administration" reaches public, administr). A phrase's words are linked
    // from the group's phrases only: from a word they would stand alone ("priority" would reach any "area").
    const termsOf = (member: string): string[] => {
      const parts = ONE_WORD_RE.test(member) || PHRASE_RE.test(member) ? member.split(' ').map(englishTerm) : [];
      return parts.every((t) => vocab.has(t)) ? parts : [];
    };
    const wordTerms = [...new Set(group.filter((w) => ONE_WORD_RE.test(w)).flatMap(termsOf))];
    const reached = [...new Set(group.flatMap(termsOf))];
    if (reached.length === 0) continue;
    for (const member of group) {
      const own = termsOf(member);
      const others = (ONE_WORD_RE.test(member) ? wordTerms : reached).filter((t) => !own.includes(t));
      if (ONE_WORD_RE.test(member)) add(related, englishTerm(member), others, KIND_CODE.synonym);
      else {
        const [head, ...tail] = member.split(' ');
        // Stored as WordNet stores collocations: the first word's base form ("came up with" → "come up with").
        if (tail.length > 0) {
          const key = [lemmas(head, undefined, table)[0] ?? head, ...tail].join(' ');
          if (!maintainersPhrases.has(key)) phrases.delete(key);
          maintainersPhrases.add(key);
          add(phrases, key, others, KIND_CODE.synonym);
        }
      }
    }
  }

  const terms: string[] = [];
  const termNumbers = new Map<string, number>();
  const numberOf = (term: string) => {
    let n = termNumbers.get(term);
    if (n === undefined) termNumbers.set(term, (n = terms.push(term) - 1));
    return n;
  };
  const encode = (entries: Map<string, Map<string, number>>) => {
    const out: Record<string, number[]> = {};
    for (const [key, entry] of entries) out[key] = [...entry].map(([term, kind]) => numberOf(term) * 2 + kind);
    return out;
  };
  const encodedRelated = encode(related);
  const encodedPhrases = encode(phrases);
  const encodedAntonyms: Record<string, number[]> = {};
  for (const [key, entry] of antonyms) encodedAntonyms[key] = [...entry].map(numberOf);
  const lemmaTerms = [...new Set([...termsOfLemma.values()].flatMap((set) => [...set]))].sort();
  return { formatVersion: LEXICAL_LINKS_VERSION, source: table.source, terms, related: encodedRelated, antonyms: encodedAntonyms, phrases: encodedPhrases, lemmaTerms };
}

// Per set of links, its lemma terms as a set: read for every capitalised word of a who-question's candidates.
const lemmaTermSets = new WeakMap<LexicalLinks, ReadonlySet<string>>();

/** Whether an index term is a word WordNet knows ("council"), not a name it lacks ("bonet"). */
export function isLemmaTerm(links: LexicalLinks, term: string): boolean {
  let set = lemmaTermSets.get(links);
  if (!set) lemmaTermSets.set(links, (set = new Set(links.lemmaTerms)));
  return set.has(term);
}

function decodeRelated(links: LexicalLinks, codes: readonly number[] | undefined): LexicalLink[] {
  return (codes ?? NONE).map((code) => ({ term: links.terms[code >> 1], kind: KINDS[code & 1] }));
}

/** Index terms a question term (as the analyser makes it) relates to: synonyms and derived forms. */
export function relatedIndexTerms(links: LexicalLinks, term: string): LexicalLink[] {
  return decodeRelated(links, own(links.related, term));
}

/** Index terms of a question term's antonyms ("small" → larg, largest): for contradiction features. */
export function antonymIndexTerms(links: LexicalLinks, term: string): string[] {
  return (own(links.antonyms, term) ?? NONE).map((n) => links.terms[n]);
}

/**
 * The question-side terms to look a folded surface word up under: its own term and the terms of its
 * possible base forms ("men" → men, man; "smallest" → smallest, small). Reads no WordNet table.
 */
export function lookupTermsOfWord(word: string): string[] {
  let terms = lookupTermsCache.get(word);
  if (!terms) {
    const out = new Set<string>([englishTerm(word)]);
    for (const { lemma } of lemmaCandidates(word)) if (/^[a-z]+$/.test(lemma)) out.add(englishTerm(lemma));
    lookupTermsCache.set(word, (terms = [...out]));
  }
  return terms;
}

// Question words recur: their base forms are remembered, for at most this many words (SQuAD's 10,570 dev questions
// hold 10,660 distinct words), so hostile input cannot grow the memory.
const WORD_CACHE_SIZE = 20_000;
const lookupTermsCache = new RecentCache<string, string[]>(WORD_CACHE_SIZE);
const baseFormsCache = new RecentCache<string, string[]>(WORD_CACHE_SIZE);

/** `relatedIndexTerms` for a folded surface word, through its possible base forms; a synonym link wins over a derived one. */
export function relatedIndexTermsOfWord(links: LexicalLinks, word: string): LexicalLink[] {
  const cache = cacheOf(relatedCaches, links);
  let related = cache.get(word);
  if (!related) {
    const found = new Map<string, LexicalKind>();
    for (const key of lookupTermsOfWord(word)) {
      for (const link of relatedIndexTerms(links, key)) if (found.get(link.term) !== 'synonym') found.set(link.term, link.kind);
    }
    cache.set(word, (related = [...found].map(([term, kind]) => ({ term, kind }))));
  }
  return related;
}

// Per set of links (one per index), what each question word reaches: question words recur.
const relatedCaches = new WeakMap<LexicalLinks, RecentCache<string, LexicalLink[]>>();
const antonymCaches = new WeakMap<LexicalLinks, RecentCache<string, string[]>>();
function cacheOf<V>(caches: WeakMap<LexicalLinks, RecentCache<string, V>>, links: LexicalLinks): RecentCache<string, V> {
  let cache = caches.get(links);
  if (!cache) caches.set(links, (cache = new RecentCache(WORD_CACHE_SIZE)));
  return cache;
}

/** `antonymIndexTerms` for a folded surface word, through its possible base forms ("smallest" → largest). */
export function antonymIndexTermsOfWord(links: LexicalLinks, word: string): string[] {
  const cache = cacheOf(antonymCaches, links);
  let antonyms = cache.get(word);
  if (!antonyms) {
    const found = new Set<string>();
    for (const key of lookupTermsOfWord(word)) for (const term of antonymIndexTerms(links, key)) found.add(term);
    cache.set(word, (antonyms = [...found]));
  }
  return antonyms;
}

/** A WordNet collocation found in a question's words, and the index terms it relates to. */
export interface PhraseLink {
  /** First word (index into the words given). */
  start: number;
  /** One past the last word. */
  end: number;
  /** The collocation as WordNet has it ("come up with"). */
  phrase: string;
  links: LexicalLink[];
}

/**
 * WordNet collocations in a question's folded words (stop words kept) whose synonyms or derived forms the
 * index holds: "who came up with it" → "come up with" → invent. Longest match first; matches do not overlap.
 */
export function phraseLinks(links: LexicalLinks, words: readonly string[]): PhraseLink[] {
  const out: PhraseLink[] = [];
  const { firstWords, prefixes } = phraseIndex(links);
  for (let start = 0; start < words.length; start++) {
    const heads = baseForms(words[start]).filter((w) => firstWords.has(w));
    if (heads.length === 0) continue;
    let match: PhraseLink | undefined;
    for (const head of heads) {
      // Grow the phrase a word at a time while some collocation starts so; keep the longest that is one.
      let phrase = head;
      for (let end = start + 1; end < words.length; end++) {
        phrase = `${phrase} ${words[end]}`;
        if (!prefixes.has(phrase)) break;
        const codes = own(links.phrases, phrase);
        if (codes && (!match || end + 1 > match.end)) match = { start, end: end + 1, phrase, links: decodeRelated(links, codes) };
      }
    }
    if (match) {
      out.push(match);
      start = match.end - 1;
    }
  }
  return out;
}

function baseForms(word: string): string[] {
  let forms = baseFormsCache.get(word);
  if (!forms) baseFormsCache.set(word, (forms = [...new Set(lemmaCandidates(word).map((c) => c.lemma))]));
  return forms;
}

const phraseIndexes = new WeakMap<LexicalLinks, { firstWords: Set<string>; prefixes: Set<string> }>();
function phraseIndex(links: LexicalLinks): { firstWords: Set<string>; prefixes: Set<string> } {
  let index = phraseIndexes.get(links);
  if (!index) {
    // Every collocation's first word, and every run of its words from the first ("come", "come up", "come up with").
    index = { firstWords: new Set(), prefixes: new Set() };
    for (const phrase of Object.keys(links.phrases)) {
      index.firstWords.add(phrase.split(' ', 1)[0]);
      addWordPrefixes(phrase, index.prefixes);
    }
    phraseIndexes.set(links, index);
  }
  return index;
}
