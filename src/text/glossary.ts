import type { Lang } from '../types';
import { stem } from './analyze';
import equivalentsData from './data/equivalents.json';
import { otherPlaceNames } from './placenames';

/**
 * Word lists that let a question find words the documents use otherwise. Two sources:
 * - language data in `src/text/data/equivalents.json`: a people's adjective and its country ("finnish" ↔
 *   "finland"), spellings and chat shorthand ("adviser" ↔ "advisor", "prio" → priority);
 * - the maintainers' vocabulary of a knowledge folder (`knowledge/synonyms.yml`, loaded by
 *   `src/knowledge/synonyms.ts`): English synonym groups ("aim" ↔ "objective") and words of other languages
 *   with their English equivalents ("leden" → members).
 */
export interface Glossary {
  /**
   * English equivalents of a folded word of another supported language, or none; given the word's language, another
   * form of a listed word counts too (Spanish "fundó" as "fundado": both stem to "fund").
   */
  englishFor(word: string, lang?: Lang): readonly string[];
  /** English synonyms of a folded English word ("aim" → goal, objective…), or none. */
  synonymsOf(word: string): readonly string[];
  /** Words that always mean the same: "finnish" ↔ "finland", "adviser" ↔ "advisor", "prio" → priority. */
  equivalentsOf(word: string): readonly string[];
}

/** The maintainers' vocabulary as the glossary needs it (a `KnowledgeSynonyms` from `src/knowledge/synonyms.ts`). */
export interface DomainVocabulary {
  groups: readonly { words: readonly string[] }[];
  translations: readonly { word: string; english: readonly string[]; lang?: Lang }[];
}

const NONE: readonly string[] = [];

/** Each word of each group → the other words of its groups. */
function groupLookup(groups: Iterable<readonly string[]>): Map<string, string[]> {
  const lookup = new Map<string, string[]>();
  for (const group of groups) {
    for (const word of group) {
      const others = lookup.get(word) ?? [];
      for (const other of group) if (other !== word && !others.includes(other)) others.push(other);
      lookup.set(word, others);
    }
  }
  return lookup;
}

const PLACE_WORDS = new Set(equivalentsData.demonyms.flatMap((group) => group.split(' ')));

/** Whether a folded word names a country or its people ("poland", "polish"), by the demonyms of the language data. */
export function namesCountry(word: string): boolean {
  return PLACE_WORDS.has(word);
}

/** Whether a folded word names a country, its people or a city the language data knows ("polish", "munchen"). */
export function namesPlace(word: string): boolean {
  return namesCountry(word) || otherPlaceNames(word).length > 0;
}

const EQUIVALENTS = groupLookup([...equivalentsData.demonyms, ...equivalentsData.spellings].map((group) => group.split(' ')));

/**
 * A glossary over the language data and one knowledge folder's vocabulary.
 * @example
 * const glossary = createGlossary(loadKnowledge('knowledge').synonyms);
 * glossary.synonymsOf('aim'); // ['goal', 'objective', …] with the bundled synonyms.yml
 */
export function createGlossary(vocabulary: DomainVocabulary): Glossary {
  const synonyms = groupLookup(vocabulary.groups.map((g) => g.words));
  const english = new Map<string, string[]>();
  const byStem = new Map<string, string[]>();
  // A phrase ("vice chair") counts word by word, as the question's words are matched one by one.
  for (const { word, english: alternatives, lang } of vocabulary.translations) {
    const words = [...new Set(alternatives.flatMap((a) => a.split(' ')))];
    if (!english.has(word)) english.set(word, words);
    const key = lang && `${lang}:${stem(word, lang)}`;
    if (key && !byStem.has(key)) byStem.set(key, words);
  }
  return {
    englishFor: (word, lang) => english.get(word) ?? (lang && lang !== 'en' ? byStem.get(`${lang}:${stem(word, lang)}`) : undefined) ?? NONE,
    synonymsOf: (word) => synonyms.get(word) ?? NONE,
    equivalentsOf: (word) => EQUIVALENTS.get(word) ?? NONE,
  };
}

let current: Glossary = createGlossary({ groups: [], translations: [] });

/**
 * Sets the maintainers' vocabulary that the module-level `englishFor` / `synonymsOf` use (the knowledge
 * last loaded). Code that holds an index should keep its own `createGlossary(...)` instead.
 */
export function useDomainVocabulary(vocabulary: DomainVocabulary): void {
  current = createGlossary(vocabulary);
}

/** English equivalents of a folded word of another supported language, from the vocabulary in use. */
export function englishFor(word: string, lang?: Lang): readonly string[] {
  return current.englishFor(word, lang);
}

/** English synonyms of a folded English word, from the vocabulary in use. */
export function synonymsOf(word: string): readonly string[] {
  return current.synonymsOf(word);
}

/** Words that always mean the same: a people's adjective and its country, spellings, shorthand. */
export function equivalentsOf(word: string): readonly string[] {
  return EQUIVALENTS.get(word) ?? NONE;
}
