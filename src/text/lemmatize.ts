import exceptionData from './data/wordnet-exceptions.json';
import { type WordClass, wordNet, type WordNetTable } from './wordnet';

/** WordNet's irregular forms per word class ("better" → good, well), from its `*.exc` files. */
interface ExceptionLists {
  source: string;
  noun: Record<string, string[]>;
  verb: Record<string, string[]>;
  adj: Record<string, string[]>;
  adv: Record<string, string[]>;
}
const EXCEPTIONS = exceptionData as ExceptionLists;

const WORD_CLASSES: readonly WordClass[] = ['noun', 'verb', 'adj', 'adv'];

/** WordNet's morphy detachment rules: an inflectional ending and what replaces it, per word class. */
const DETACHMENT_RULES: Record<WordClass, readonly (readonly [string, string])[]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

const own = (record: Record<string, string[]>, key: string): string[] | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

let formsOfBase: Map<string, string[]> | undefined;
/** The irregular forms WordNet lists for a base form, over all word classes ("man" → men; "good" → better, best). */
export function irregularFormsOf(lemma: string): readonly string[] {
  if (!formsOfBase) {
    formsOfBase = new Map();
    for (const wordClass of WORD_CLASSES) {
      for (const [form, bases] of Object.entries(EXCEPTIONS[wordClass])) {
        for (const base of bases) {
          const forms = formsOfBase.get(base) ?? [];
          if (!forms.includes(form)) forms.push(form);
          formsOfBase.set(base, forms);
        }
      }
    }
  }
  return formsOfBase.get(lemma) ?? [];
}

/** A possible base form of a word and the word class it is a base form in. */
export interface LemmaCandidate {
  lemma: string;
  wordClass: WordClass;
  /** How it was found: WordNet's exception list, a detachment rule, or the word itself. */
  via: 'exception' | 'rule' | 'word';
}

/**
 * Every base form WordNet's morphy rules and exception lists could give a lower-case word, without checking
 * that WordNet knows them: needs no table, so it is cheap enough for the answering path ("decided" → decide,
 * decid; "better" → good, well, bett, …). The word itself comes last.
 */
export function lemmaCandidates(word: string, wordClasses: readonly WordClass[] = WORD_CLASSES): LemmaCandidate[] {
  const out: LemmaCandidate[] = [];
  for (const wordClass of wordClasses) for (const lemma of own(EXCEPTIONS[wordClass], word) ?? []) out.push({ lemma, wordClass, via: 'exception' });
  for (const wordClass of wordClasses) {
    for (const [ending, replacement] of DETACHMENT_RULES[wordClass]) {
      if (word.length > ending.length && word.endsWith(ending)) {
        out.push({ lemma: word.slice(0, word.length - ending.length) + replacement, wordClass, via: 'rule' });
      }
    }
  }
  for (const wordClass of wordClasses) out.push({ lemma: word, wordClass, via: 'word' });
  return out;
}

/**
 * The base forms WordNet knows for a word, best first (WordNet's morphy): its exception lists, then an
 * inflection removed in a word class the word itself is not a lemma of ("founding" → found, not the noun
 * "founding"), then the word itself, then the remaining rule results ("gas" stays gas before "ga").
 * Loads the WordNet table on first use: call it while building an index, not while answering.
 * @param word a lower-case word or collocation ("came up with" lemmatises its first word)
 */
export function lemmas(word: string, wordClasses: readonly WordClass[] = WORD_CLASSES, table: WordNetTable = wordNet()): string[] {
  const lower = word.toLowerCase().trim();
  const space = lower.indexOf(' ');
  if (space > 0) {
    const rest = lower.slice(space);
    return lemmas(lower.slice(0, space), wordClasses, table).map((head) => head + rest).filter((phrase) => table.has(phrase));
  }
  const exceptions: string[] = [];
  const preferred: string[] = [];
  const itself: string[] = [];
  const others: string[] = [];
  for (const { lemma, wordClass, via } of lemmaCandidates(lower, wordClasses)) {
    if (!table.has(lemma, wordClass)) continue;
    if (via === 'exception') exceptions.push(lemma);
    else if (via === 'word') itself.push(lemma);
    else if (table.has(lower, wordClass)) others.push(lemma);
    else preferred.push(lemma);
  }
  return [...new Set([...exceptions, ...preferred, ...itself, ...others])];
}

/** The best base form of a word ("cities" → city, "better" → good), or the word itself when WordNet knows none. */
export function lemmatize(word: string, table: WordNetTable = wordNet()): string {
  return lemmas(word, WORD_CLASSES, table)[0] ?? word.toLowerCase().trim();
}
