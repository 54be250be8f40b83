/**
 * The parts of `natural` the project uses, required one by one: `require('natural')` loads every module,
 * takes ~0.5 s, and its storage helpers call dotenv, which prints to stdout (fatal for `--json`).
 */
/* eslint-disable @typescript-eslint/no-require-imports */

export interface Stemmer {
  stem(word: string): string;
}

export const stemmers = {
  en: require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer,
  nl: require('natural/lib/natural/stemmers/porter_stemmer_nl') as Stemmer,
  fr: require('natural/lib/natural/stemmers/porter_stemmer_fr') as Stemmer,
  de: require('natural/lib/natural/stemmers/porter_stemmer_de') as Stemmer,
  es: require('natural/lib/natural/stemmers/porter_stemmer_es') as Stemmer,
  it: require('natural/lib/natural/stemmers/porter_stemmer_it') as Stemmer,
  pt: require('natural/lib/natural/stemmers/porter_stemmer_pt') as Stemmer,
};

const stopwordModule = (name: string): string[] => (require(`natural/lib/natural/util/${name}`) as { words: string[] }).words;

export const naturalStopwords = {
  en: stopwordModule('stopwords'),
  nl: stopwordModule('stopwords_nl'),
  fr: stopwordModule('stopwords_fr'),
  es: stopwordModule('stopwords_es'),
  it: stopwordModule('stopwords_it'),
  pt: stopwordModule('stopwords_pt'),
};

export const englishAbbreviations: string[] = (
  require('natural/lib/natural/util/abbreviations_en') as { knownAbbreviations: string[] }
).knownAbbreviations;

interface Distance {
  DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
  JaroWinklerDistance(a: string, b: string, options?: { ignoreCase?: boolean }): number;
}
export const distance = require('natural/lib/natural/distance') as Distance;

const Metaphone = require('natural/lib/natural/phonetics/metaphone') as new () => { process(word: string): string };
/** natural's Metaphone: how an English word sounds ("vise" and "vice" both "FS"). */
export const metaphone = new Metaphone();
