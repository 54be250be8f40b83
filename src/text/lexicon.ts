import { stem } from './analyze';
import { fold } from './fold';
import { lemmaCandidates, lemmas } from './lemmatize';
import { wordNet, type WordNetTable } from './wordnet';

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
}

/** Bumped when the shape or meaning of `LexicalLinks` changes: links of another version are rebuilt. */
export const LEXICAL_LINKS_VERSION = 1;

const KINDS: readonly LexicalKind[] = ['synonym', 'derived'];
const NONE: readonly never[] = [];

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** The English index term of one folded word, as `terms()` in analyze.ts makes it. */
const englishTerm = (word: string): string => stem(fold(word), 'en');

/** Options of `buildLexicalLinks`. */
export interface LexicalLinkOptions {
  /**
   * Folded surface words of the indexed text (before stemming). With them an index term is tied to the
   * lemmas of the very words it came from ("largest" → large); without, through the stems of WordNet lemmas
   * and morphy on the terms themselves.
   */
  words?: Iterable<string>;
  /** Another WordNet table (tests); default the bundled one. */
  table?: WordNetTable;
}

/**
 * Resolves WordNet's synonyms, derived forms and antonyms against an index vocabulary.
 * Only links that reach the vocabulary are kept.
 * @param vocabulary the index terms (English-stemmed, as `terms()` produces them)
 * @example
 * const links = buildLexicalLinks(index.documentFrequency.keys());
 * relatedIndexTerms(links, stem('decision', 'en')); // [{ term: 'decid', kind: 'derived' }]
 */
export function buildLexicalLinks(vocabulary: Iterable<string>, options: LexicalLinkOptions = {}): LexicalLinks {
  const table = options.table ?? wordNet();
  const vocab = new Set(vocabulary);
  // Lemma number → index terms that stand for it.
  const termsOfLemma = new Map<number, Set<string>>();
  const tie = (lemma: string, term: string) => {
    const id = table.id(lemma);
    if (id === undefined) return;
    let set = termsOfLemma.get(id);
    if (!set) termsOfLemma.set(id, (set = new Set()));
    set.add(term);
  };
  const stems = lemmaStems(table);
  table.lemmas.forEach((lemma, id) => {
    const term = stems[id];
    if (term !== null && vocab.has(term)) tie(lemma, term);
  });
  for (const term of vocab) if (/^[a-z]+$/.test(term)) for (const lemma of lemmas(term, undefined, table)) tie(lemma, term);
  if (options.words) {
    for (const word of options.words) {
      const term = englishTerm(word);
      if (vocab.has(term)) for (const lemma of lemmas(word, undefined, table)) tie(lemma, term);
    }
  }

  const terms: string[] = [];
  const termNumbers = new Map<string, number>();
  const numberOf = (term: string) => {
    let n = termNumbers.get(term);
    if (n === undefined) {
      n = terms.length;
      terms.push(term);
      termNumbers.set(term, n);
    }
    return n;
  };
  const related: Record<string, number[]> = {};
  const antonyms: Record<string, number[]> = {};
  const phrases: Record<string, number[]> = {};

  table.lemmas.forEach((lemma, id) => {
    const reached = new Map<string, number>();
    const reach = (others: readonly number[], kind: number) => {
      for (const other of others) for (const term of termsOfLemma.get(other) ?? NONE) if (!reached.has(term)) reached.set(term, kind);
    };
    reach(table.synonyms(id), 0);
    reach(table.derived(id), 1);
    const isPhrase = lemma.includes(' ');
    const key = isPhrase ? lemma : stems[id];
    if (key === null) return;
    if (reached.size > 0) {
      const into = isPhrase ? phrases : related;
      const list = (into[key] ??= []);
      for (const [term, kind] of reached) {
        if (term === key) continue;
        const code = numberOf(term) * 2 + kind;
        if (!list.includes(code) && !list.includes(code - kind)) list.push(code);
      }
      if (list.length === 0) delete into[key];
    }
    if (!isPhrase) {
      const opposite = new Set<string>();
      for (const other of table.antonyms(id)) for (const term of termsOfLemma.get(other) ?? NONE) if (term !== key) opposite.add(term);
      if (opposite.size > 0) {
        const list = (antonyms[key] ??= []);
        for (const term of opposite) {
          const n = numberOf(term);
          if (!list.includes(n)) list.push(n);
        }
      }
    }
  });
  return { formatVersion: LEXICAL_LINKS_VERSION, source: table.source, terms, related, antonyms, phrases };
}

const stemCache = new WeakMap<WordNetTable, (string | null)[]>();
/** Each one-word lemma's English index term (null for collocations), computed once per table. */
function lemmaStems(table: WordNetTable): (string | null)[] {
  let stems = stemCache.get(table);
  if (!stems) {
    stems = table.lemmas.map((lemma) => (lemma.includes(' ') || !/^[a-z]+$/.test(lemma) ? null : englishTerm(lemma)));
    stemCache.set(table, stems);
  }
  return stems;
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
  const out = new Set<string>([englishTerm(word)]);
  for (const { lemma } of lemmaCandidates(word)) if (/^[a-z]+$/.test(lemma)) out.add(englishTerm(lemma));
  return [...out];
}

/** `relatedIndexTerms` for a folded surface word, through its possible base forms; a synonym link wins over a derived one. */
export function relatedIndexTermsOfWord(links: LexicalLinks, word: string): LexicalLink[] {
  const found = new Map<string, LexicalKind>();
  for (const key of lookupTermsOfWord(word)) {
    for (const link of relatedIndexTerms(links, key)) if (found.get(link.term) !== 'synonym') found.set(link.term, link.kind);
  }
  return [...found].map(([term, kind]) => ({ term, kind }));
}

/** `antonymIndexTerms` for a folded surface word, through its possible base forms ("smallest" → largest). */
export function antonymIndexTermsOfWord(links: LexicalLinks, word: string): string[] {
  const found = new Set<string>();
  for (const key of lookupTermsOfWord(word)) for (const term of antonymIndexTerms(links, key)) found.add(term);
  return [...found];
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
  const { firstWords, longest } = phraseIndex(links);
  for (let start = 0; start < words.length; start++) {
    const heads = baseForms(words[start]).filter((w) => firstWords.has(w));
    if (heads.length === 0) continue;
    let match: PhraseLink | undefined;
    for (let end = Math.min(words.length, start + longest); end > start + 1 && !match; end--) {
      const tail = words.slice(start + 1, end);
      for (const head of heads) {
        const phrase = [head, ...tail].join(' ');
        const codes = own(links.phrases, phrase);
        if (codes) {
          match = { start, end, phrase, links: decodeRelated(links, codes) };
          break;
        }
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
  return [...new Set(lemmaCandidates(word).map((c) => c.lemma))];
}

const phraseIndexes = new WeakMap<LexicalLinks, { firstWords: Set<string>; longest: number }>();
function phraseIndex(links: LexicalLinks): { firstWords: Set<string>; longest: number } {
  let index = phraseIndexes.get(links);
  if (!index) {
    index = { firstWords: new Set(), longest: 0 };
    for (const phrase of Object.keys(links.phrases)) {
      const parts = phrase.split(' ');
      index.firstWords.add(parts[0]);
      index.longest = Math.max(index.longest, parts.length);
    }
    phraseIndexes.set(links, index);
  }
  return index;
}
