import type MiniSearch from 'minisearch';
import type { SearchIndex } from '../search/build';
import { SEARCH_OPTIONS } from '../search/options';
import { topDocuments } from '../search/topk';
import { distance, metaphone } from '../text/natural';
import { isStopwordAnywhere, stem } from '../text/analyze';
import { fold } from '../text/fold';
import { englishFor, equivalentsOf, synonymsOf } from '../text/glossary';
import type { AnalyzedQuestion, Expectation } from './question';

/** A question word resolved against the index: the index terms it matches, and how telling it is. */
export interface ResolvedWord {
  word: string;
  terms: string[];
  /** Inverse document frequency: rare words weigh more. Words found nowhere weigh the most. */
  weight: number;
  /** How much of its weight a match counts: 1, less after a typo correction (0.8 for one edit, 0.6 for two) or a compound split. */
  evidence: number;
}

export function idf(index: SearchIndex, term: string): number {
  const n = index.passages.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const maxEdits = (term: string): number => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0);

/** The closest index term to an unknown one, within a small edit distance ("priorit" → "prioriti"). */
function correctTerm(index: SearchIndex, term: string): { term: string; edits: number } | null {
  const edits = maxEdits(term);
  if (!edits) return null;
  // MiniSearch's radix tree finds terms within an edit distance without scoring any document.
  const tree = (index.mini as unknown as { _index?: { fuzzyGet?(key: string, d: number): Map<string, [unknown, number]> } })._index;
  const matches: [string, number][] = tree?.fuzzyGet
    ? [...tree.fuzzyGet(term, edits)].map(([t, [, d]]) => [t, d])
    : index.mini.search(term, { ...SEARCH_OPTIONS, fuzzy: edits }).flatMap((hit) => hit.terms).map((t) => [t, distance.DamerauLevenshteinDistance(term, t)]);
  let best: { term: string; edits: number } | null = null;
  let bestKey = Infinity;
  for (const [candidate, d] of matches) {
    // Typos seldom change the first letter; without this, "want" would become "nant" (Nantes).
    if (candidate[0] !== term[0]) continue;
    // A same-length change must sound the same ("vise" → vice): "share" is not a typo of "shape".
    if (candidate.length === term.length && metaphone.process(candidate) !== metaphone.process(term)) continue;
    // Prefer the nearest, then the more common (a typo is likelier of a common word).
    const key = d * 1e6 - (index.documentFrequency.get(candidate) ?? 0);
    if (d <= edits && key < bestKey) {
      best = { term: candidate, edits: d };
      bestKey = key;
    }
  }
  return best;
}

/** Known parts of a compound word ("contactpersoon" → "contact", "persoon"), for Dutch and German questions. */
function compoundParts(index: SearchIndex, word: string, q: AnalyzedQuestion): string[] {
  // Only Dutch and German write compounds as one word; "everyone" is not "every" + "one".
  if (word.length < 8 || (q.lang !== 'nl' && q.lang !== 'de')) return [];
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
  const resolved: ResolvedWord[] = [];
  for (const { word, stems } of q.words) {
    let terms = stems.filter((s) => index.documentFrequency.has(s));
    // English equivalents of a word of another language ("leden" → member, "vicevoorzitter" → vice chair):
    // added in a question that is not in English, and in an English one only for a word the index lacks
    // (English "red" or "rat" must stay themselves).
    if (q.lang !== 'en' || !terms.length) {
      for (const english of englishFor(word)) {
        const t = stem(english, 'en');
        if (index.documentFrequency.has(t) && !terms.includes(t)) terms.push(t);
      }
    }
    // "Finnish" and "Finland", "adviser" and "advisor" name the same thing.
    for (const other of equivalentsOf(word)) {
      const t = stem(other, 'en');
      if (index.documentFrequency.has(t) && !terms.includes(t)) terms.push(t);
    }
    let evidence = 1;
    if (!terms.length) {
      // A word the documents do not use may have a synonym they do ("aim" → objective).
      terms = synonymsOf(word).map((w) => stem(w, 'en')).filter((t) => index.documentFrequency.has(t));
      evidence = 0.9;
    }
    if (!terms.length) {
      // A function word of another language than the one detected ("ist", "der") says nothing.
      if (isStopwordAnywhere(word)) continue;
      const nearest = correctTerm(index, stems[0]);
      if (nearest) {
        terms = [nearest.term];
        evidence = 1 - 0.2 * nearest.edits;
      } else {
        terms = compoundParts(index, word, q);
        evidence = 0.8;
      }
    }
    const weight = terms.length ? Math.max(...terms.map((t) => idf(index, t))) : 0;
    // "What kind of organisations…": the answer names the kind, not necessarily the word "organisations".
    resolved.push({ word, terms, weight: q.category.has(word) ? weight * CATEGORY_WEIGHT : weight, evidence });
  }
  // A word found nowhere in the knowledge weighs as much as the question's most telling known word:
  // a question about something absent ("Swedish cities", "unemployment in Madrid") is not answered
  // from its other words, while one unusual verb ("cover") among several matches does not sink it.
  const known = resolved.filter((w) => w.terms.length);
  const missingWeight = known.length ? Math.max(...known.map((w) => w.weight)) : 1;
  for (const w of resolved) if (!w.terms.length) w.weight = /^\d+$/.test(w.word) ? missingWeight * 0.5 : missingWeight;
  return resolved;
}

/** Weight kept by the category word of a "what kind of X" question. */
const CATEGORY_WEIGHT = 0.3;
const COMMON_TERM_SHARE = 0.1;
const COMMON_TERM_MIN_PASSAGES = 50;

/** A ranked passage: its index in `SearchIndex.passages` and its BM25 score. */
export interface RankedPassage {
  id: number;
  score: number;
}

/** The `limit` best passages for the resolved words (BM25 over the index's fields, as MiniSearch scores it). */
export function searchPassages(index: SearchIndex, resolved: ResolvedWord[], limit: number): RankedPassage[] {
  const all = [...new Set(resolved.flatMap((w) => w.terms))];
  // A term in more than a tenth of a large knowledge base costs the most to score and tells the least:
  // it is left out of the search (never out of sentence scoring). Measured on SQuAD: p50 -20%, top-1 -0.8 points.
  const cutoff = Math.max(COMMON_TERM_MIN_PASSAGES, index.passages.length * COMMON_TERM_SHARE);
  const rare = all.filter((t) => (index.documentFrequency.get(t) ?? 0) <= cutoff);
  const terms = rare.length >= 2 ? rare : all;
  return terms.length ? topDocuments(index.mini as MiniSearch<unknown>, terms, SEARCH_OPTIONS, limit) : [];
}

const YEAR_RE = /\b(1[0-9]{3}|20[0-9]{2})s?\b|\b\d{1,2}(st|nd|rd|th)\b|\b(century|centuries|decade|decades|millennium|ago|eeuw|siecle|jahrhundert|siglo|secolo)\b/i;
const WEEKDAY_SEASON_RE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|winter|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/i;
const MONTH_RE = /\b(january|february|march|april|may|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/i;
// A number, but not a year: "How many living labs?" is not answered by "in 2006".
const NUMBER_RE = /\d+(?:[.,]\d+)?\s*%|\b(?!(?:1[0-9]|20)\d\d\b)\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several)\b/i;
// A capitalised word that does not start a sentence: a name.
const NAME_RE = /(?<=[^\s.!?;:]\s+)["'“(]?\p{Lu}[\p{L}'’-]+/gu;

/**
 * Whether a span holds the kind of thing the question asks for.
 * @param known words that do not count as a name: the question's own, and the names of the subject it asks about
 */
export function satisfies(expects: Expectation | null, span: string, q: AnalyzedQuestion, acronymsInSpan: boolean, known: ReadonlySet<string> = new Set()): boolean {
  switch (expects) {
    case null:
      return true;
    case 'date':
      return YEAR_RE.test(span) || MONTH_RE.test(span) || WEEKDAY_SEASON_RE.test(span);
    case 'number':
      return NUMBER_RE.test(span);
    case 'expansion':
      return acronymsInSpan;
    case 'person':
    case 'place': {
      // A labelled fact names its holder after the label: a person, not a place.
      if (expects === 'person' && /^[^:]{2,60}:\s/.test(span)) return true;
      // A capitalised word the question itself uses, or shares a stem with ("Presidency" for "president"), names no one new.
      const asked = new Set(q.allWords);
      const askedStems = new Set(q.words.flatMap((w) => w.stems));
      for (const m of span.matchAll(NAME_RE)) {
        const name = fold(m[0].replace(/^["'“(]/, ''));
        if (!asked.has(name) && !known.has(name) && !askedStems.has(stem(name, q.lang))) return true;
      }
      return false;
    }
  }
}
