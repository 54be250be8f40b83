import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { textDataFile } from './data-file';

/** WordNet's word classes. */
export type WordClass = 'noun' | 'verb' | 'adj' | 'adv';
/** Bits of a lemma's word classes in `WordNetData.classes`. */
export const WORD_CLASS_BIT: Record<WordClass, number> = { noun: 1, verb: 2, adj: 4, adv: 8 };

/** The WordNet table as plain data (what `npm run wordnet` writes, decoded; or a small table in tests). */
export interface WordNetData {
  /** Where the data comes from (package and WordNet versions). */
  source: string;
  /** Every lemma, lower case, collocation words joined by spaces ("give up"), sorted by UTF-16 code unit. */
  lemmas: string[];
  /** Per lemma, its word classes (bits of `WORD_CLASS_BIT`). */
  classes: ArrayLike<number>;
  /** Synsets with two or more lemmas: synset s holds lemma numbers `synsetMembers[synsetStarts[s] .. synsetStarts[s + 1])`. */
  synsetStarts: ArrayLike<number>;
  synsetMembers: ArrayLike<number>;
  /** Derivationally related forms (pointer `+`): pairs of lemma numbers, flattened [a0, b0, a1, b1, …]. */
  derived: ArrayLike<number>;
  /** Antonyms (pointer `!`): pairs of lemma numbers, flattened. */
  antonyms: ArrayLike<number>;
}

/** Lookups over the WordNet table by lemma number. */
export interface WordNetTable {
  readonly source: string;
  readonly lemmas: readonly string[];
  /** The lemma's number, or undefined when WordNet does not know it. */
  id(lemma: string): number | undefined;
  /** Whether WordNet has the lemma (in the given word class, when one is given). */
  has(lemma: string, wordClass?: WordClass): boolean;
  /** Lemma numbers sharing a synset with the lemma (itself excluded). */
  synonyms(id: number): number[];
  /** Lemma numbers of its derivationally related forms. */
  derived(id: number): number[];
  /** Lemma numbers of its antonyms. */
  antonyms(id: number): number[];
}

/** The bundled table's file under src/text/data/, written by scripts/build-wordnet.mjs. */
export const WORDNET_FILE = 'wordnet.bin.gz';
let bundled: WordNetTable | undefined;

/**
 * The bundled WordNet 3.1 table, read the first time it is needed (about 1.3 MB gzipped; see the README for
 * its load time); later calls return the same table. Call it while building an index, not while answering.
 */
export function wordNet(): WordNetTable {
  bundled ??= wordNetTable(decodeWordNet(gunzipSync(readFileSync(textDataFile(WORDNET_FILE)))));
  return bundled;
}

/**
 * Lets the bundled table be garbage-collected (about 15 MB: 8 MB of heap, 7 MB of typed arrays) once an index is built; the next
 * `wordNet()` reads it again.
 */
export function forgetWordNet(): void {
  bundled = undefined;
}

/** Reads the binary layout written by scripts/build-wordnet.mjs (header JSON, then uint32-aligned sections). */
export function decodeWordNet(bytes: Buffer): WordNetData {
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as { source: string; format: number; sections: number[] };
  if (header.format !== 1) throw new Error(`${WORDNET_FILE} has format ${header.format}; run npm run wordnet`);
  let at = 4 + headerLength + ((4 - (headerLength % 4)) % 4);
  const section = () => {
    const length = header.sections.shift() ?? 0;
    const start = at;
    at += length + ((4 - (length % 4)) % 4);
    return { start, length };
  };
  // Copied into their own buffers: the gunzipped one need not be 4-byte aligned.
  const u32 = ({ start, length }: { start: number; length: number }) => new Uint32Array(Uint8Array.prototype.slice.call(bytes, start, start + length).buffer);
  const lemmaSection = section();
  const lemmas = bytes.toString('utf8', lemmaSection.start, lemmaSection.start + lemmaSection.length).split('\n');
  const classSection = section();
  const classes = bytes.subarray(classSection.start, classSection.start + classSection.length);
  const starts = u32(section());
  const members = u32(section());
  return { source: header.source, lemmas, classes, synsetStarts: starts, synsetMembers: members, derived: u32(section()), antonyms: u32(section()) };
}

/**
 * Table data from readable lists (tests, small tables): lemmas are sorted here and relations given by lemma.
 * @example wordNetFromLists({ lemmas: { small: ['adj'], large: ['adj'] }, antonyms: [['small', 'large']] })
 */
export function wordNetFromLists(lists: {
  source?: string;
  lemmas: Record<string, WordClass[]>;
  synsets?: string[][];
  derived?: [string, string][];
  antonyms?: [string, string][];
}): WordNetTable {
  const lemmas = Object.keys(lists.lemmas).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const number = new Map(lemmas.map((lemma, i) => [lemma, i]));
  const idOf = (lemma: string) => {
    const n = number.get(lemma);
    if (n === undefined) throw new Error(`"${lemma}" is not among the lemmas`);
    return n;
  };
  const synsetStarts = [0];
  const synsetMembers: number[] = [];
  for (const synset of lists.synsets ?? []) {
    synsetMembers.push(...synset.map(idOf));
    synsetStarts.push(synsetMembers.length);
  }
  return wordNetTable({
    source: lists.source ?? 'test table',
    lemmas,
    classes: lemmas.map((lemma) => lists.lemmas[lemma].reduce((bits, c) => bits | WORD_CLASS_BIT[c], 0)),
    synsetStarts,
    synsetMembers,
    derived: (lists.derived ?? []).flat().map(idOf),
    antonyms: (lists.antonyms ?? []).flat().map(idOf),
  });
}

/** Compressed adjacency: the neighbours of node i are `targets[offsets[i] .. offsets[i + 1])`. */
interface Adjacency {
  offsets: Uint32Array;
  targets: Uint32Array;
}

function adjacencyOfPairs(count: number, flat: ArrayLike<number>): Adjacency {
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < flat.length; i++) offsets[flat[i] + 1]++;
  for (let i = 0; i < count; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, count);
  const targets = new Uint32Array(flat.length);
  for (let i = 0; i + 1 < flat.length; i += 2) {
    targets[fill[flat[i]]++] = flat[i + 1];
    targets[fill[flat[i + 1]]++] = flat[i];
  }
  return { offsets, targets };
}

function neighbours({ offsets, targets }: Adjacency, id: number): number[] {
  return Array.from(targets.subarray(offsets[id], offsets[id + 1]));
}

/** Builds the lookups over table data (exported for tests, which use small synthetic tables). */
export function wordNetTable(data: WordNetData): WordNetTable {
  const { lemmas } = data;
  const count = lemmas.length;
  // Lemma → the synsets it is in, as pairs (lemma, synset) turned into adjacency one way.
  const { synsetStarts, synsetMembers } = data;
  const synsetCount = synsetStarts.length - 1;
  const memberships = new Uint32Array(synsetMembers.length * 2);
  for (let s = 0, k = 0; s < synsetCount; s++) {
    for (let m = synsetStarts[s]; m < synsetStarts[s + 1]; m++, k += 2) {
      memberships[k] = synsetMembers[m];
      memberships[k + 1] = count + s;
    }
  }
  const synsetsOf = adjacencyOfPairs(count + synsetCount, memberships);
  const derived = adjacencyOfPairs(count, data.derived);
  const antonyms = adjacencyOfPairs(count, data.antonyms);
  const unique = (ids: number[]) => [...new Set(ids)];
  // Lemmas are sorted: a binary search costs no start-up, where a Map of 150,000 strings takes a few hundred
  // milliseconds to fill, more than a small knowledge base's whole vocabulary takes to look up.
  const id = (lemma: string): number | undefined => {
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const here = lemmas[mid];
      if (here === lemma) return mid;
      if (here < lemma) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  };
  return {
    source: data.source,
    lemmas,
    id,
    has(lemma, wordClass) {
      const n = id(lemma);
      return n !== undefined && (wordClass === undefined || (data.classes[n] & WORD_CLASS_BIT[wordClass]) !== 0);
    },
    synonyms(n) {
      const out: number[] = [];
      for (const s of neighbours(synsetsOf, n)) {
        for (let m = synsetStarts[s - count]; m < synsetStarts[s - count + 1]; m++) if (synsetMembers[m] !== n) out.push(synsetMembers[m]);
      }
      return unique(out);
    },
    derived: (n) => unique(neighbours(derived, n)),
    antonyms: (n) => unique(neighbours(antonyms, n)),
  };
}
