import type { SearchResult } from 'minisearch';
import type { IndexedPassage, SearchIndex } from '../search/build';
import { SEARCH_OPTIONS } from '../search/options';
import { distance } from '../text/natural';
import { stem } from '../text/analyze';
import type { AnalyzedQuestion, Expectation } from './question';

/** A question word resolved against the index: the index terms it matches, and how telling it is. */
export interface ResolvedWord {
  word: string;
  terms: string[];
  /** Inverse document frequency: rare words weigh more. Words found nowhere weigh the most. */
  weight: number;
  /** Matched only after a typo correction or compound split: weaker evidence. */
  corrected: boolean;
}

/** Per-passage lookups built once per index: term sets of every segment and of the passage's context. */
export interface PassageView {
  entry: IndexedPassage;
  segmentTerms: Set<string>[];
  contextTerms: Set<string>;
}

export function viewsOf(index: SearchIndex): PassageView[] {
  return index.passages.map((entry) => ({
    entry,
    segmentTerms: entry.segments.map((s) => new Set(s.terms)),
    contextTerms: new Set([...entry.titleTerms, ...entry.headingTerms]),
  }));
}

export function idf(index: SearchIndex, term: string): number {
  const n = index.passages.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const maxEdits = (term: string): number => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0);

/** The closest index term to an unknown one, within a small edit distance ("priorit" → "prioriti"). */
function correctTerm(index: SearchIndex, term: string): string | null {
  const edits = maxEdits(term);
  if (!edits) return null;
  const hits = index.mini.search(term, { ...SEARCH_OPTIONS, fuzzy: edits, maxFuzzy: 2 });
  let best: string | null = null;
  let bestKey = Infinity;
  const seen = new Set<string>();
  for (const hit of hits.slice(0, 50)) {
    for (const candidate of hit.terms) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const d = distance.DamerauLevenshteinDistance(term, candidate);
      // Prefer the nearest, then the more common (a typo is likelier of a common word).
      const key = d * 1e6 - (index.documentFrequency.get(candidate) ?? 0);
      if (d <= edits && key < bestKey) {
        best = candidate;
        bestKey = key;
      }
    }
  }
  return best;
}

/** Known parts of a compound word ("contactpersoon" → "contact", "persoon"), for Dutch and German questions. */
function compoundParts(index: SearchIndex, word: string, q: AnalyzedQuestion): string[] {
  if (word.length < 8) return [];
  for (let cut = word.length - 3; cut >= 4; cut--) {
    const head = stem(word.slice(0, cut), q.lang);
    if (index.documentFrequency.has(head)) {
      const tail = stem(word.slice(cut), q.lang);
      return index.documentFrequency.has(tail) ? [head, tail] : [head];
    }
  }
  return [];
}

/** Resolves every question word to index terms, correcting typos and splitting compounds when a word is unknown. */
export function resolveWords(index: SearchIndex, q: AnalyzedQuestion): ResolvedWord[] {
  const resolved = q.words.map(({ word, stems }) => {
    let terms = stems.filter((s) => index.documentFrequency.has(s));
    const corrected = !terms.length;
    if (corrected) {
      const nearest = correctTerm(index, stems[0]);
      terms = nearest ? [nearest] : compoundParts(index, word, q);
    }
    return { word, terms, weight: terms.length ? Math.max(...terms.map((t) => idf(index, t))) : 0, corrected };
  });
  // A word found nowhere in the knowledge weighs as much as the question's most telling known word:
  // a question about something absent ("Swedish cities", "unemployment in Madrid") is not answered
  // from its other words, while one unusual verb ("cover") among several matches does not sink it.
  const known = resolved.filter((w) => w.terms.length);
  const missingWeight = known.length ? Math.max(...known.map((w) => w.weight)) : 1;
  for (const w of resolved) if (!w.terms.length) w.weight = /^\d+$/.test(w.word) ? missingWeight * 0.5 : missingWeight;
  return resolved;
}

export function searchPassages(index: SearchIndex, resolved: ResolvedWord[], limit: number): SearchResult[] {
  const queryTerms = [...new Set(resolved.flatMap((w) => w.terms))];
  if (!queryTerms.length) return [];
  return index.mini.search({ combineWith: 'OR', queries: queryTerms }, SEARCH_OPTIONS).slice(0, limit);
}

const YEAR_RE = /\b(1[0-9]{3}|20[0-9]{2})s?\b/;
const MONTH_RE = /\b(january|february|march|april|may|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/i;
const NUMBER_RE = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several)\b/i;
// A capitalised word that does not start the sentence: a name.
const NAME_RE = /(?<=\S\s+)["'“(]?\p{Lu}[\p{L}'’-]+/gu;

/** Whether a span holds the kind of thing the question asks for. */
export function satisfies(expects: Expectation | null, span: string, q: AnalyzedQuestion, acronymsInSpan: boolean): boolean {
  switch (expects) {
    case null:
      return true;
    case 'date':
      return YEAR_RE.test(span) || MONTH_RE.test(span);
    case 'number':
      return NUMBER_RE.test(span);
    case 'expansion':
      return acronymsInSpan;
    case 'person':
    case 'place': {
      const asked = new Set(q.allWords);
      for (const m of span.matchAll(NAME_RE)) {
        const name = m[0].replace(/^["'“(]/, '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        if (!asked.has(name)) return true;
      }
      return /^[^:]{2,60}:\s/.test(span); // a labelled fact names its holder after the label
    }
  }
}
