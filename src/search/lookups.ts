/**
 * Finding documents by the name of their subject without comparing the name with every document's subjects: with
 * 5,000 documents that comparison (an edit distance per subject) took tens of milliseconds per question, and seconds
 * when most titles start alike ("The … project"), issue 12. Subjects go into MiniSearch's radix tree
 * (`SearchableMap`), whose `fuzzyGet` walks only the branches within an edit distance of the name.
 */
import type { DocumentInfo, SearchIndex } from './build';
import { addWordPrefixes } from '../util/word-prefixes';
import { foldedWords } from '../text/fold';

/** MiniSearch's radix tree, as far as it is used here (its subpath export has no types under this project's resolution). */
interface RadixTree {
  get(key: string): number[] | undefined;
  set(key: string, value: number[]): unknown;
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [number[], number]>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SearchableMap = require('minisearch/SearchableMap') as new () => RadixTree;

const treesOf = new WeakMap<SearchIndex, Map<string, RadixTree>>();

/** Subjects grouped by first letter and length (the key is both), each group a tree keyed by the rest of the subject. */
function trees(index: SearchIndex): Map<string, RadixTree> {
  let groups = treesOf.get(index);
  if (groups) return groups;
  groups = new Map();
  for (const [doc, d] of index.documents.entries()) {
    if (!d.passages.length) continue;
    for (const subject of d.subjects) {
      if (!subject) continue;
      const key = subject[0] + subject.length;
      let subjects = groups.get(key);
      if (!subjects) groups.set(key, (subjects = new SearchableMap()));
      const rest = subject.slice(1);
      const docs = subjects.get(rest);
      if (docs) docs.push(doc);
      else subjects.set(rest, [doc]);
    }
  }
  treesOf.set(index, groups);
  return groups;
}

/**
 * The documents (with passages) that have a subject `close(name, subject)`, in document order.
 * @param close never accepts a subject with another first letter than the name, nor one whose length differs by more
 *   than `maxEdits`: only those are looked at (a fuzzy search of every subject cost most of answering a long "what
 *   is …" question, up to 3 ms when hundreds of documents shared a title). It is also given the plain (Levenshtein)
 *   distance found, which bounds the one with transpositions.
 * @param maxEdits the most Damerau-Levenshtein edits `close` ever accepts; a transposition is two plain
 *   (Levenshtein) edits, so each group is searched within twice that
 */
export function documentsNamed(index: SearchIndex, name: string, close: (name: string, subject: string, levenshtein: number) => boolean, maxEdits: number): DocumentInfo[] {
  const found = new Set<number>();
  if (!name) return [];
  const groups = trees(index);
  for (let length = Math.max(1, name.length - maxEdits); length <= name.length + maxEdits; length++) {
    const subjects = groups.get(name[0] + length);
    for (const [rest, [docs, levenshtein]] of subjects?.fuzzyGet(name.slice(1), 2 * maxEdits) ?? []) if (close(name, name[0] + rest, levenshtein)) for (const doc of docs) found.add(doc);
  }
  return [...found].sort((a, b) => a - b).map((doc) => index.documents[doc]);
}

const exactOf = new WeakMap<SearchIndex, { subjects: Map<string, number[]>; starts: Set<string> }>();

/**
 * The documents whose subject the words name, as a run of consecutive words (`["the", "budget", "of", "eurocities"]`
 * names EUROCITIES), with the subjects found, in document order. Looks every run of words up in a map instead of
 * searching the question for every document's subjects.
 * @param minLength subjects shorter than this are not looked for
 */
export function subjectsNamedIn(index: SearchIndex, words: readonly string[], minLength: number): { doc: number; subject: string }[] {
  let exact = exactOf.get(index);
  if (!exact) {
    exact = { subjects: new Map(), starts: new Set() };
    for (const [doc, d] of index.documents.entries()) {
      for (const subject of d.subjects) {
        const docs = exact.subjects.get(subject);
        if (!docs) exact.subjects.set(subject, [doc]);
        else if (docs[docs.length - 1] !== doc) docs.push(doc);
        addWordPrefixes(subject, exact.starts);
      }
    }
    exactOf.set(index, exact);
  }
  const found: { doc: number; subject: string }[] = [];
  for (let start = 0; start < words.length; start++) {
    let run = '';
    // A run is extended only while some subject starts with it: most words start none, and each run is a string made.
    for (let end = start; end < words.length && (end === start || exact.starts.has(run)); end++) {
      run = end === start ? words[start] : `${run} ${words[end]}`;
      if (run.length < minLength) continue;
      for (const doc of exact.subjects.get(run) ?? []) found.push({ doc, subject: run });
    }
  }
  return found.sort((a, b) => a.doc - b.doc || index.documents[a.doc].subjects.indexOf(a.subject) - index.documents[b.doc].subjects.indexOf(b.subject));
}

/** `compute` once per index: what answering derives from an index and reads for every question. */
export function perIndex<T>(compute: (index: SearchIndex) => T): (index: SearchIndex) => T {
  const memo = new WeakMap<SearchIndex, T>();
  return (index) => {
    if (!memo.has(index)) memo.set(index, compute(index));
    return memo.get(index) as T;
  };
}

/** The passages that are non-empty lists. */
export const listPassageIds = perIndex((index): number[] =>
  index.passages.flatMap((p, i) => (p.passage.kind === 'list' && (p.passage.items?.length ?? 0) > 0 ? [i] : [])),
);

/** The labels of every labelled fact, folded ("vice chair", "eurocities staff contact"). */
export const factLabels = perIndex((index): ReadonlySet<string> => new Set(index.passages.flatMap(({ passage }) => (passage.facts ?? []).map((f) => foldedWords(f.label).join(' ')))));

/** The folded words of every document's title. */
export const titleWords = perIndex((index): ReadonlySet<string> => new Set(index.documents.flatMap((d) => foldedWords(d.title))));
