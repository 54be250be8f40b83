import { createHash } from 'node:crypto';
import type { Lang } from '../types';
import germanStopwords from './data/stopwords-de.json';
import questionWords from './data/question-words.json';
import { editDistance } from './edit-distance';
import { fold, WORD_RE } from './fold';
import { naturalStopwords, stemmers } from './natural';

// natural ships no German list; src/text/data/stopwords-de.json holds the common core of German function words.
const GERMAN_STOPWORDS: string[] = germanStopwords.words;

// Question words and auxiliaries those lists lack ("cuáles", "eran", "welke"): src/text/data/question-words.json.
const QUESTION_WORDS: Partial<Record<Lang, string[]>> = questionWords;
const stopwordsOf = (lang: Lang, words: string[]): ReadonlySet<string> => new Set([...words, ...(QUESTION_WORDS[lang] ?? [])].map(fold));

const STOPWORDS: Record<Lang, ReadonlySet<string>> = {
  en: stopwordsOf('en', naturalStopwords.en),
  nl: stopwordsOf('nl', naturalStopwords.nl),
  fr: stopwordsOf('fr', naturalStopwords.fr),
  de: stopwordsOf('de', GERMAN_STOPWORDS),
  es: stopwordsOf('es', naturalStopwords.es),
  it: stopwordsOf('it', naturalStopwords.it),
  pt: stopwordsOf('pt', naturalStopwords.pt),
};

const STEM_CACHE_LIMIT = 200_000;
const stemCaches: Record<Lang, Map<string, string>> = { en: new Map(), nl: new Map(), fr: new Map(), de: new Map(), es: new Map(), it: new Map(), pt: new Map() };

/** Stems one folded word with the language's Porter stemmer from `natural` (memoised). */
export function stem(word: string, lang: Lang): string {
  const cache = stemCaches[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d/.test(word) ? word : fold(stemmers[lang].stem(word));
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

export function isStopword(word: string, lang: Lang): boolean {
  return STOPWORDS[lang].has(word);
}

/**
 * Whether an unknown word is a function word of the language typed with one letter left out or two letters swapped
 * ("wich", "teh", "waht"). Never one letter added or replaced: that makes other words ("hall" is not "all", "fee" is
 * not "few"). Function words of three letters or more only: a shorter one is a letter away from too much.
 */
export function isStopwordTypo(word: string, lang: Lang): boolean {
  const byLength = stopwordsByLength(lang);
  for (const stopword of byLength.get(word.length + 1) ?? []) if (editDistance(stopword, word, 1) <= 1) return true;
  for (const stopword of byLength.get(word.length) ?? []) if (swapsTwoLetters(stopword, word)) return true;
  return false;
}

/** A language's stop words of three letters or more by length: a typo is read against those of its length or one more. */
const STOPWORDS_BY_LENGTH = new Map<Lang, Map<number, string[]>>();
function stopwordsByLength(lang: Lang): Map<number, string[]> {
  let byLength = STOPWORDS_BY_LENGTH.get(lang);
  if (!byLength) {
    byLength = new Map();
    for (const stopword of STOPWORDS[lang]) {
      if (stopword.length < 3) continue;
      const list = byLength.get(stopword.length);
      if (list) list.push(stopword);
      else byLength.set(stopword.length, [stopword]);
    }
    STOPWORDS_BY_LENGTH.set(lang, byLength);
  }
  return byLength;
}

/** Whether two words of one length differ by two neighbouring letters swapped ("teh", "the"). */
function swapsTwoLetters(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

// Two or more capitals, the first one leading: how an abbreviation is written ("EC", "NGOs", "CoR", "ENoLL").
const ABBREVIATION_RE = /^\p{Lu}[\p{L}&]*\p{Lu}/u;

/**
 * Whether a word, as written, reads as an abbreviation: two or more capitals, the first leading, and capitals at
 * least half its letters but a plural "s" ("OASC", "NGOs", "CoR", "ENoLL"; not "Council", nor "McDonald").
 */
export function writtenAsAbbreviation(word: string): boolean {
  if (!ABBREVIATION_RE.test(word)) return false;
  const letters = word.replace(/s$/u, '').replace(/[^\p{L}]/gu, '');
  return 2 * (letters.match(/\p{Lu}/gu)?.length ?? 0) >= letters.length;
}

/** Whether a word is a stop word in any supported language ("ist", "der" in a question detected as Dutch). */
export function isStopwordAnywhere(word: string): boolean {
  for (const lang in STOPWORDS) if (STOPWORDS[lang as Lang].has(word)) return true;
  return false;
}

// "E.g. participatory budgeting" should match a question about an "example".
const ABBREVIATION_WORDS: [RegExp, string][] = [
  [/\be\.\s?g\./g, ' example '],
  [/\bi\.\s?e\./g, ' that is '],
];

/**
 * Hash of what turns text into index terms (natural's version, the stop word lists, the spelt-out
 * abbreviations): a saved index built with other ones is rebuilt, not trusted.
 */
export const ANALYSIS_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify({
    natural: (require('natural/package.json') as { version: string }).version,
    stopwords: Object.entries(STOPWORDS).map(([lang, words]) => [lang, [...words].sort()]),
    abbreviations: ABBREVIATION_WORDS.map(([re, words]) => `${re.source}=${words}`),
  }))
  .digest('hex')
  .slice(0, 16);

/** Folded words of a text, abbreviations spelt out, numbers kept ("1,000" → "1000"). */
export function words(text: string): string[] {
  let folded = fold(text);
  if (folded.includes('.')) for (const [re, replacement] of ABBREVIATION_WORDS) folded = folded.replace(re, replacement);
  const found = folded.match(WORD_RE) ?? [];
  return found.map((w) => (/^\d/.test(w) ? w.replace(/,(?=\d{3}\b)/g, '') : w));
}

/** Whether a folded word carries meaning for search: not a stop word, and not a lone letter. */
export function isContentWord(word: string, lang: Lang): boolean {
  return (word.length > 1 || /\d/.test(word)) && !STOPWORDS[lang].has(word);
}

/** Index terms of a text: folded, stop words dropped, stemmed in the text's language. */
export function terms(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (isContentWord(w, lang)) out.push(stem(w, lang));
  return out;
}
