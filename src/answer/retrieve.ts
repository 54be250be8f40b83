import type MiniSearch from 'minisearch';
import type { SearchIndex } from '../search/build';
import type { Lang } from '../types';
import { SEARCH_OPTIONS } from '../search/options';
import { termsNear } from '../search/minisearch-internals';
import { topDocuments } from '../search/topk';
import { editDistance } from '../text/edit-distance';
import { metaphone } from '../text/natural';
import { isStopwordAnywhere, isStopwordTypo, stem, terms as terms_, writtenAsAbbreviation } from '../text/analyze';
import { namesCalendarTime } from '../text/calendar';
import { fold, foldedWords } from '../text/fold';
import { RecentCache } from '../util/recent-cache';
import { englishFor, equivalentsOf, namesPlace, synonymsOf } from '../text/glossary';
import { antonymIndexTermsOfWord, isLemmaTerm, phraseLinks, relatedIndexTermsOfWord } from '../text/lexicon';
import { type AnalyzedQuestion, type Expectation, MAX_QUESTION_WORDS } from './question';

/**
 * How a question word reached the index: as itself (or its stem), through an English equivalent of another
 * language's word, a spelling variant ("Finnish"/"Finland"), the maintainers' synonyms, WordNet (synonym or
 * derived form), a typo correction, a compound split, or an abbreviation the documents spell out. The answer
 * model weighs each kind on its own (see features.ts).
 */
export type MatchKind = 'exact' | 'translation' | 'equivalent' | 'maintainer' | 'wordnet' | 'typo' | 'compound' | 'abbreviation';

/** A question word resolved against the index: the index terms it matches, and how telling it is. */
export interface ResolvedWord {
  word: string;
  terms: string[];
  /** Inverse document frequency: rare words weigh more. Words found nowhere weigh the most. */
  weight: number;
  /** How the word reached `terms` ('exact' also when it reached none). */
  how: MatchKind;
  /** Index terms WordNet relates to a word that reached the index as itself ("decision" → decid): matched in sentences, not searched. */
  lexical: string[];
  /** Index terms of the word's antonyms ("smallest" → larg): a sentence holding one contradicts the question. */
  antonyms: string[];
  /** Those of `terms` that are an abbreviation the documents write for the name the word is part of ("living" → ll of "LLs"). */
  abbreviations?: string[];
}

export function idf(index: SearchIndex, term: string): number {
  const n = index.passages.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const maxEdits = (term: string): number => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0);

// Per index, the corrections already looked for: a fuzzy walk of the term tree is most of resolving an unknown word,
// and words recur. Bounded, so hostile input cannot grow the memory.
const corrections = new WeakMap<SearchIndex, RecentCache<string, Correction | null>>();
const CORRECTION_CACHE_SIZE = 20_000;
type Correction = { term: string; edits: number };

/** The closest index term to an unknown one, within a small edit distance ("priorit" → "prioriti"). */
function correctTerm(index: SearchIndex, term: string): Correction | null {
  let cache = corrections.get(index);
  if (!cache) corrections.set(index, (cache = new RecentCache(CORRECTION_CACHE_SIZE)));
  let found = cache.get(term);
  if (found === undefined) cache.set(term, (found = nearestTerm(index, term)));
  return found;
}

/** The word with each pair of neighbouring letters swapped ("contcat" → "ocntcat", …, "contact", "contcta"). */
function adjacentSwaps(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return out;
}

function nearestTerm(index: SearchIndex, term: string): Correction | null {
  const edits = maxEdits(term);
  if (!edits) return null;
  // MiniSearch's radix tree finds terms within an edit distance without scoring any document.
  const matches: [string, number][] =
    termsNear(index.mini as MiniSearch<unknown>, term, edits, true) ??
    index.mini.search(term, { ...SEARCH_OPTIONS, fuzzy: edits }).flatMap((hit) => hit.terms).map((t) => [t, editDistance(term, t)]);
  // The tree counts two letters swapped as two edits ("contcat" → contact): a one-edit word tries each swap by
  // lookup (walking the tree two edits deep cost three times as long, 2026-12-03).
  if (edits === 1) for (const swapped of adjacentSwaps(term)) if (index.documentFrequency.has(swapped)) matches.push([swapped, 1]);
  return likeliestCorrection(index, term, matches, edits);
}

/** Of index terms near a term ([term, edit distance]), the one it is likeliest a typo of, within `edits`; or null. */
function likeliestCorrection(index: SearchIndex, term: string, matches: readonly [string, number][], edits: number): Correction | null {
  let best: Correction | null = null;
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

/** The shortest stem taken for one the documents misspell: shorter ones are one letter from too many others. */
const MIN_MISSPELT_LENGTH = 6;

const misspellings = new WeakMap<SearchIndex, Map<string, string[]>>();

/**
 * The index terms that could be the documents' misspellings, by first letter and length: words their English passages
 * write in lower case (common words, not names such as "Metropole") that WordNet does not know ("sience"). Built once
 * per index, so that a question pays a lookup of a few short lists, not a walk of the whole vocabulary.
 */
function misspellingCandidates(index: SearchIndex): Map<string, string[]> {
  let found = misspellings.get(index);
  if (found) return found;
  const terms = new Set<string>();
  for (const { passage, segments } of index.passages) {
    if (passage.lang !== 'en') continue;
    for (const { text } of segments) for (const [word] of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu)) terms.add(stem(word, 'en'));
  }
  found = new Map();
  for (const term of terms) {
    if (term.length < MIN_MISSPELT_LENGTH - 1 || isLemmaTerm(index.lexicon, term)) continue;
    const key = `${term[0]}${term.length}`;
    const list = found.get(key);
    if (list) list.push(term);
    else found.set(key, [term]);
  }
  misspellings.set(index, found);
  return found;
}

/**
 * An index term one letter from an English question term that WordNet does not know, which English passages write in
 * lower case: the documents' misspelling of the word ("sience"), not a word of another language ("leden") or a name.
 * Chosen among them as a typo's correction is (`likeliestCorrection`).
 */
function misspeltInDocuments(index: SearchIndex, term: string): string | null {
  if (term.length < MIN_MISSPELT_LENGTH) return null;
  const candidates = misspellingCandidates(index);
  const matches: [string, number][] = [];
  for (const length of [term.length - 1, term.length, term.length + 1]) {
    for (const candidate of candidates.get(`${term[0]}${length}`) ?? []) matches.push([candidate, editDistance(term, candidate)]);
  }
  return likeliestCorrection(index, term, matches, 1)?.term ?? null;
}

/** Known parts of a compound word ("contactpersoon" → "contact", "persoon"), for Dutch and German questions. */
function compoundParts(index: SearchIndex, word: string, q: AnalyzedQuestion): string[] {
  if (word.length < 8) return [];
  // English writes some compounds both ways ("policymakers", "policy makers"; "nonprofit", "non-profit"): a word the
  // index lacks stands for two words it holds, both of them, never one ("everyone" is not "every" + "one").
  if (q.lang === 'en') {
    for (let cut = word.length - 3; cut >= 3; cut--) {
      const [head, tail] = [stem(word.slice(0, cut), 'en'), stem(word.slice(cut), 'en')];
      if (index.documentFrequency.has(head) && index.documentFrequency.has(tail)) return [head, tail];
    }
    return [];
  }
  // Dutch and German write compounds as one word, and their head alone may be what the documents hold.
  if (q.lang !== 'nl' && q.lang !== 'de') return [];
  for (let cut = word.length - 3; cut >= 4; cut--) {
    const head = stem(word.slice(0, cut), q.lang);
    if (index.documentFrequency.has(head)) {
      const tail = stem(word.slice(cut), q.lang);
      return index.documentFrequency.has(tail) ? [head, tail] : [head];
    }
  }
  return [];
}

/** Whether a document's title goes on with `next` after the name `expansion` ("Knowledge Society" + "forum"). */
function continuesTitle(index: SearchIndex, expansion: string, next: string | undefined): boolean {
  // "of", "the" follow many names: only a word of its own says the question goes on with the title.
  if (!next || isStopwordAnywhere(next)) return false;
  const phrase = ` ${foldedWords(expansion).join(' ')} ${next} `;
  return index.documents.some((d) => d.subjects.some((subject) => ` ${subject} `.includes(phrase)));
}

/** Whether the text writes a folded word as an abbreviation ("EC", "NGOs", "CoR"). */
function writtenInCapitals(text: string, word: string): boolean {
  for (const [written] of text.matchAll(/[\p{L}&]+/gu)) if (writtenAsAbbreviation(written) && fold(written) === word) return true;
  return false;
}

/** A name the documents abbreviate in writing, by its folded words, and the abbreviation's index terms. */
interface WrittenAbbreviation {
  words: string[];
  terms: string[];
}

const writtenAbbreviations = new WeakMap<SearchIndex, Map<string, WrittenAbbreviation[]>>();

/** The index's written abbreviations (not initials no text writes), by the first word of what they stand for. */
function abbreviationsByFirstWord(index: SearchIndex): Map<string, WrittenAbbreviation[]> {
  let byFirst = writtenAbbreviations.get(index);
  if (byFirst) return byFirst;
  byFirst = new Map();
  const seen = new Set<string>();
  for (const [key, acronym] of index.acronyms) {
    if (acronym.fromName) continue;
    const lang = index.passages[acronym.passage]?.passage.lang ?? 'en';
    const words = foldedWords(acronym.expansion);
    const terms = terms_(key, lang).filter((t) => index.documentFrequency.has(t));
    const id = `${words.join(' ')}>${terms.join(' ')}`;
    if (!words.length || !terms.length || seen.has(id)) continue;
    seen.add(id);
    const list = byFirst.get(words[0]) ?? [];
    list.push({ words, terms });
    byFirst.set(words[0], list);
  }
  writtenAbbreviations.set(index, byFirst);
  return byFirst;
}

/**
 * The abbreviation terms of the names a question writes out that the documents also abbreviate ("living labs" →
 * "LLs", which a sentence may use alone: "LLs operate as intermediaries…"), by the question word they join.
 */
function abbreviationsOfNames(index: SearchIndex, allWords: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const byFirst = abbreviationsByFirstWord(index);
  allWords.forEach((word, at) => {
    for (const { words, terms } of byFirst.get(word) ?? []) {
      if (!words.every((w, i) => allWords[at + i] === w)) continue;
      for (const w of words) {
        const set = out.get(w) ?? new Set<string>();
        for (const t of terms) set.add(t);
        out.set(w, set);
      }
    }
  });
  return out;
}

/** Resolves every question word to index terms, correcting typos and splitting compounds when a word is unknown. */
export function resolveWords(index: SearchIndex, q: AnalyzedQuestion): ResolvedWord[] {
  const resolved: ResolvedWord[] = [];
  const known = (t: string) => index.documentFrequency.has(t);
  for (const { word, stems } of q.words) {
    let terms = stems.filter(known);
    let how: MatchKind = 'exact';
    const translationSynonyms: string[] = [];
    // English equivalents of a word of another language ("leden" → member, "vicevoorzitter" → vice chair):
    // added in a question that is not in English (or is spoken in another language around English names: Spanish
    // "personal" is staff), and in an English one only for a word the index lacks (English "red" or "rat" must stay
    // themselves).
    if ((q.spoken ?? q.lang) !== 'en' || !terms.length) {
      const before = terms.length;
      for (const english of englishFor(word, q.spoken ?? q.lang)) {
        const t = stem(english, 'en');
        if (known(t) && !terms.includes(t)) terms.push(t);
        // The maintainers' synonyms of the translation ("Ziel" → goal → objective) are related words, weighed as such.
        for (const synonym of synonymsOf(english)) {
          const s = stem(synonym, 'en');
          if (known(s) && !translationSynonyms.includes(s)) translationSynonyms.push(s);
        }
      }
      if (!before && terms.length) how = 'translation';
    }
    // "Finnish" and "Finland", "adviser" and "advisor" name the same thing.
    const beforeEquivalents = terms.length;
    for (const other of equivalentsOf(word)) {
      const t = stem(other, 'en');
      if (known(t) && !terms.includes(t)) terms.push(t);
    }
    if (!beforeEquivalents && terms.length) how = 'equivalent';
    // WordNet's one- and two-letter entries are letters, symbols and chemical elements ("eu" is europium, "k" a grand).
    // Nor a word read as a translation: WordNet's relatives of its letters are an English word's ("Rolle" → roll → wave).
    const english = q.lang === 'en' && how !== 'translation' && /^[a-z]{3,}$/.test(word);
    const wordNet = english ? relatedIndexTermsOfWord(index.lexicon, word).map((l) => l.term).filter(known) : [];
    if (!terms.length) {
      // A word the documents do not use may have a synonym they do ("aim" → objective, "decision" → decided).
      terms = synonymsOf(word).map((w) => stem(w, 'en')).filter(known);
      how = 'maintainer';
      if (!terms.length) {
        terms = wordNet;
        how = 'wordnet';
        // A word the documents misspell ("sience") is theirs, not a WordNet relative's ("science" → skill).
        const misspelt = wordNet.length ? misspeltInDocuments(index, stems[0]) : null;
        if (misspelt) {
          terms = [misspelt];
          how = 'typo';
        }
      }
    }
    if (!terms.length) {
      // The index keeps each abbreviation under its plural and singular forms ("ngos", "ngo").
      const acronym = index.acronyms.get(word);
      // Initials no text writes ("EC" for "European Commission") count only when the question writes them as initials,
      // or goes on with the word that follows the name in a document's title ("the ks forum": Knowledge Society forum).
      if (acronym && (!acronym.fromName || writtenInCapitals(q.text, word) || continuesTitle(index, acronym.expansion, q.allWords[q.allWords.indexOf(word) + 1]))) {
        // An abbreviation the documents spell out but the question uses on its own ("ngos").
        terms = [...new Set(terms_(acronym.expansion, index.passages[acronym.passage]?.passage.lang ?? 'en'))].filter(known);
        how = 'abbreviation';
      }
    }
    if (!terms.length) {
      // A function word of another language than the one detected ("ist", "der") says nothing.
      if (isStopwordAnywhere(word) || isStopwordTypo(word, q.spoken ?? q.lang)) continue;
      // The stem of a typo may be further from any index term than the word is ("memeber" is one letter from "member").
      const nearest = correctTerm(index, stems[0]) ?? (word !== stems[0] ? correctTerm(index, word) : null);
      if (nearest) {
        terms = [nearest.term];
        how = 'typo';
      } else {
        terms = compoundParts(index, word, q);
        how = terms.length ? 'compound' : 'exact';
      }
    }
    const weight = terms.length ? Math.max(...terms.map((t) => idf(index, t))) : 0;
    // A word the documents use may still stand for its maintainers' synonyms elsewhere ("goal", used of OASC, for
    // EUROCITIES' "objective"): related words, weighed as such, like WordNet's.
    const maintainers = how === 'exact' ? synonymsOf(word).map((w) => stem(w, 'en')).filter(known) : [];
    const lexical = how === 'wordnet' ? [] : [...new Set([...wordNet, ...translationSynonyms, ...maintainers])].filter((t) => !terms.includes(t));
    const antonyms = english ? antonymIndexTermsOfWord(index.lexicon, word).filter((t) => known(t) && !terms.includes(t)) : [];
    // "What kind of organisations…": the answer names the kind, not necessarily the word "organisations".
    resolved.push({ word, terms, weight: q.category.has(word) ? weight * CATEGORY_WEIGHT : weight, how, lexical, antonyms });
  }
  // A WordNet collocation ("came up with") stands for the index words it relates to ("invented").
  if (q.lang === 'en') {
    for (const phrase of phraseLinks(index.lexicon, q.allWords)) {
      // "stand for" in "what does ICT stand for?" says what is expected, as its cue, not what the question is about.
      if (q.allWords.slice(phrase.start, phrase.end).some((w) => q.cueWords.has(w))) continue;
      const terms = phrase.links.map((l) => l.term).filter(known);
      if (!terms.length || resolved.length >= MAX_QUESTION_WORDS) continue;
      // One word with its phrase, not two: a word of the phrase the documents do not hold themselves ("carried" of
      // "carried out", "build" of "build up") joins it, its WordNet relatives with the phrase's.
      // A phrase of the maintainers' synonyms means what they say: its words' WordNet senses are left out ("charge"
      // of "in charge of" is no "commission").
      const inPhrase = new Set(q.allWords.slice(phrase.start, phrase.end));
      const maintainers = synonymsOf(phrase.phrase).length > 0;
      for (let i = resolved.length - 1; i >= 0; i--) {
        const w = resolved[i];
        if (!inPhrase.has(w.word) || (w.how !== 'wordnet' && w.terms.length)) continue;
        if (!maintainers) for (const t of w.terms) if (!terms.includes(t)) terms.push(t);
        resolved.splice(i, 1);
      }
      resolved.push({ word: phrase.phrase, terms, weight: Math.max(...terms.map((t) => idf(index, t))), how: 'wordnet', lexical: [], antonyms: [] });
    }
  }
  // A name the documents also abbreviate: its words are found in a sentence that writes only the abbreviation. (Their
  // weight stays that of the words themselves.)
  const abbreviated = abbreviationsOfNames(index, q.allWords);
  if (abbreviated.size) {
    for (const w of resolved) {
      const added = [...(abbreviated.get(w.word) ?? [])].filter((t) => w.terms.length && !w.terms.includes(t));
      if (!added.length) continue;
      w.terms.push(...added);
      w.abbreviations = added;
    }
  }
  // A word found nowhere in the knowledge weighs as much as the question's most telling known word:
  // a question about something absent ("Swedish cities", "unemployment in Madrid") is not answered
  // from its other words, while one unusual verb ("cover") among several matches does not sink it.
  const found = resolved.filter((w) => w.terms.length);
  const missingWeight = found.length ? Math.max(...found.map((w) => w.weight)) : 1;
  for (const w of resolved) if (!w.terms.length) w.weight = /^\d+$/.test(w.word) && !WHOLE_YEAR_RE.test(w.word) ? missingWeight * NUMBER_SHARE : missingWeight;
  return resolved;
}

/** Weight kept by the category word of a "what kind of X" question. */
const CATEGORY_WEIGHT = 0.3;
/**
 * Weight of an unknown number relative to an unknown word: a number may be written another way ("1,000", "a
 * thousand"). A year found nowhere weighs as a word ("the EU budget for 2020" when no text says 2020).
 */
const NUMBER_SHARE = 0.5;
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

// A year in digits (1000–2099), for every pattern below that needs one.
const YEAR = '(?:1[0-9]|20)[0-9]{2}';
const WHOLE_YEAR_RE = new RegExp(`^${YEAR}$`);
const YEAR_RE = new RegExp(`\\b${YEAR}s?\\b|\\b\\d{1,2}(st|nd|rd|th)\\b|\\b(century|centuries|decade|decades|millennium|ago|eeuw|siecle|jahrhundert|siglo|secolo)\\b`, 'i');
// A number, but not a year: "How many living labs?" is not answered by "in 2006".
const NUMBER_RE = new RegExp(`\\d+(?:[.,]\\d+)?\\s*%|\\b(?!${YEAR}\\b)\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several)\\b`, 'i');
// What reads as a label at the start of a span ("Digitally Enabled citizens: "): its capitalised words name no one.
const LABEL_RE = /^[^:]{2,60}:\s/;
// The holder named after a fact's label: a word of two letters or more ("Laia", not "E.g.").
const HOLDER_RE = /^\s*["'“(]?(\p{Lu}[\p{L}'’-]+)(?![.\p{L}])/u;
// Longer than any programme name; a longer span is prose.
const MAX_TITLE_CHARS = 200;
// A span (a label aside) that is only capitalised words joined by "for": the name of a programme or a thing ("Digital
// Agenda for Europe"), never a person's. Only a whole span: in prose a person may stand beside it ("Laia Bonet for the
// Harbour Council signed it"). Bounded runs, so a long run of capitals costs no more than a short one.
const TITLE_RE = /^\s*(?:\p{Lu}[\p{L}'’-]*\s+){1,3}for(?:\s+the)?(?:\s+\p{Lu}[\p{L}'’-]*){1,3}[\s.;,]*$/u;
// Words before a place's name that say it is one, in the supported languages ("in", "aus", "à", "desde"), maybe with an article.
const LOCATIVE_BEFORE_RE = /(?:^|\s)(?:in|at|on|from|to|near|into|across|throughout|outside|within|around|inside|te|op|aan|uit|bij|nabij|im|am|aus|nach|bei|à|au|aux|dans|sur|en|desde|cerca|nel|nella|presso|vicino)\s+(?:(?:the|de|het|der|die|dem|den|le|la|les|el|los|las|il|lo)\s+)?$/i;
/** How far before a name the locative word is looked for: the longest of them with an article ("throughout the "). */
const LOCATIVE_REACH = 'throughout the '.length;
// A capitalised word that does not start a sentence: a name.
const NAME_RE = /(?<=[^\s.!?;:]\s+)["'“(]?\p{Lu}[\p{L}'’-]+/gu;

/** Whether a text in a language names a date: a year, or a month, a weekday or a season in its language or English. */
export function holdsDate(span: string, lang: Lang): boolean {
  return YEAR_RE.test(span) || namesCalendarTime(span, lang);
}

/** Whether a text holds a number. */
export function holdsNumber(span: string): boolean {
  return NUMBER_RE.test(span);
}

/** What `satisfies` may know of a span besides its text. */
export interface SpanFacts {
  /** Words that name no one new: the titles of the documents the question names. */
  known?: ReadonlySet<string>;
  /** The label of the labelled fact the span is ("Vice chair" of "Vice chair: Laia Bonet, …"), as the passage holds it. */
  factLabel?: string;
  /** The index terms the question's words reached (translations included), and the span's language they are stems of. */
  askedTerms?: ReadonlySet<string>;
  lang?: Lang;
  /**
   * Whether a folded word is a common word written large ("Agenda"), no person's name: WordNet knows it (general.ts
   * excuses the words of the documents' titles, which name bodies: "The European Commission").
   */
  commonWord?: (word: string) => boolean;
}

/**
 * Two or more words inside one pair of quotation marks, no letter against the marks' outer sides (an apostrophe in
 * "it's" opens nothing): what a question for a motto or slogan expects.
 */
const QUOTED_RE = /(?<!\p{L})["“„«‘']\s?\p{L}+(?:[\s,'’-]+\p{L}+)+[,.!?]?\s?["”“»’'](?!\p{L})/u;

/** Words with which a sentence compares (folded): what a comparison question expects. */
const COMPARING_RE = /\b(unlike|different|differs?|difference|distinct|distinctive|same|similar|alike|common|unique|verschil\w*|anders|gemeen|zelfde|contrairement|communs?|communes?|unterschied\w*|gemeinsam\w*|gleiche?n?|diferentes?|comun|comunes|diverso|comune|stesso)\b/;

/**
 * Whether a span holds what the question expects: a date, a number, or a name the question does not itself use (for
 * *who* and *where*). An expansion is checked against the index's abbreviations instead (general.ts): never here.
 */
export function satisfies(expects: Expectation | null, span: string, q: AnalyzedQuestion, facts: SpanFacts = {}): boolean {
  switch (expects) {
    case null:
      return true;
    case 'date':
      return holdsDate(span, facts.lang ?? q.lang);
    case 'number':
      return holdsNumber(span);
    case 'expansion':
      return false;
    case 'reason':
      return !(facts.factLabel && span.startsWith(facts.factLabel));
    case 'comparison':
      return COMPARING_RE.test(fold(span));
    case 'quote':
      return QUOTED_RE.test(span);
    case 'person':
    case 'place':
      return newNameIn(expects, span, q, facts) === 'name';
  }
}

/**
 * The new name a span gives a *who* or *where* question: 'name', or for *who* 'common_words' when its only new names
 * are common words written large (`facts.commonWord`: "Council", "Agenda"), or null when it names nothing new.
 */
export function newNameIn(expects: 'person' | 'place', span: string, q: AnalyzedQuestion, facts: SpanFacts = {}): 'name' | 'common_words' | null {
  const { asked, askedStems } = q;
  const { known, factLabel } = facts;
  if (factLabel && span.startsWith(factLabel)) {
    // A labelled fact names its holder after the label ("Vice chair: Laia Bonet"): a person, not a place. Unless
    // the question names both the role and its holder ("who was vice chair before Laia Bonet?"): then it asks for another.
    const holder = expects === 'person' ? HOLDER_RE.exec(span.slice(factLabel.length).replace(/^\s*:/, '')) : null;
    if (holder) return !asked.has(fold(holder[1])) || !foldedWords(factLabel).some((w) => asked.has(w)) ? 'name' : null;
  }
  // A capitalised word the question itself uses, or shares a stem with ("Presidency" for "president"), names no one
  // new; nor does a label's ("Digitally Enabled citizens: …").
  const afterLabel = span.replace(LABEL_RE, '');
  if (expects === 'person' && afterLabel.length <= MAX_TITLE_CHARS && TITLE_RE.test(afterLabel)) return null;
  let commonWords = false;
  for (const m of afterLabel.matchAll(NAME_RE)) {
    // A possessive names what it is of: "Finland’s Presidency" names Finland.
    const name = fold(m[0].replace(/^["'“(]/, '').replace(/['’]s?$/u, ''));
    if (asked.has(name) || known?.has(name) || askedStems.has(stem(name, q.lang)) || facts.askedTerms?.has(stem(name, facts.lang ?? q.lang))) continue;
    if (expects === 'person') {
      // A month, a weekday, a country or its people ("November", "Finnish") names no one. (An abbreviation may:
      // "EUROCITIES" answers "who runs the forum?")
      if (holdsDate(m[0], facts.lang ?? q.lang) || namesPlace(name)) continue;
      if (facts.commonWord?.(name)) {
        commonWords = true;
        continue;
      }
    }
    // A place is said where it is: after "in", "at", "from" ("based in Brussels"), or it is a place the language data knows.
    if (expects === 'place' && !namesPlace(name) && !LOCATIVE_BEFORE_RE.test(afterLabel.slice(Math.max(0, (m.index ?? 0) - LOCATIVE_REACH), m.index))) continue;
    return 'name';
  }
  return commonWords ? 'common_words' : null;
}
