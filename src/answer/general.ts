import type { IndexedPassage, SearchIndex, Segment } from '../search/build';
import { subjectsNamedIn, titleWords } from '../search/lookups';
import { stem, terms, words } from '../text/analyze';
import { isLemmaTerm } from '../text/lexicon';
import { hasNegation, hasSequenceWord } from '../text/contradiction-words';
import { namesPlace } from '../text/glossary';
import { fold, foldedWords } from '../text/fold';
import type { Passage } from '../types';
import type { Candidate } from './candidate';
import { antonymWithoutWord, bitCount, type Features, largestMissing, lengthFeature, logShare, maskWeight, noFeatures, numberMismatch, numbersIn } from './features';
import { confidenceOf, rawScore } from './model';
import type { AnalyzedQuestion } from './question';
import { MAX_SPAN_CHARS, tightSpan } from './span';
import { holdsDate, holdsNumber, type MatchKind, newNameIn, type RankedPassage, type ResolvedWord, satisfies, searchPassages } from './retrieve';
import { translationSiblings } from './translation';

/**
 * How many passages are reranked sentence by sentence (the search returns twice as many, so that a translation's
 * passage beside one of them can be taken from there: `withTranslations`). Measured with the model refit at each depth
 * (npm run train): 3 scored SQuAD v2 check 56.5% and own fit 87.9%, 4 56.3% and 87.9%, 5 56.1% and 87.9%; fewer
 * passages also mean fewer candidates to describe (issue 9's speed target).
 */
const RERANK_DEPTH = 3;

// A sentence that starts by pointing back ("It also plays…") needs the sentence before it.
const ANAPHOR_RE = /^(it|its|they|their|them|this|these|those|he|she|his|her|hun|zij|het|dit|deze|il|elle|ils|elles|ce|cette|er|sie|es|dies|ello|ella|esto|esso|essa)\b/i;

// A label word that makes it another role: the vice chair is not the chair.
const ROLE_MODIFIERS = new Set(['vice', 'deputy', 'assistant', 'acting', 'former', 'honorary', 'interim', 'co', 'ex', 'sub', 'associate', 'plaatsvervangend', 'adjoint', 'stellvertretender', 'stellvertretende']);

// The modifiers among them that name the same role, the second in command.
const SECOND_IN_COMMAND = new Set(['vice', 'deputy', 'plaatsvervangend', 'adjoint', 'stellvertretender', 'stellvertretende']);

// What a fact's label answers about its holder.
const ROLE_TERMS = new Set(['role', 'position', 'job', 'function', 'titl', 'task', 'respons', 'work', 'offic', 'base'].map((w) => stem(w, 'en')));

/**
 * Where each way of matching a question word counts: cover_exact, cover_other_language, cover_maintainer_synonym,
 * cover_wordnet, cover_typo, cover_abbreviation (the question writes an abbreviation the documents spell out, or
 * spells out one a sentence writes alone: "living labs" → "LLs"), and cover_stem for a word found only as another
 * form of itself (slots of one small array, summed per candidate).
 */
const COVER_SLOT: Record<MatchKind, number> = { exact: 0, equivalent: 0, translation: 1, maintainer: 2, wordnet: 3, typo: 4, compound: 4, abbreviation: 5 };
/** The slot of a word matched by its stem alone, as another form ("president" → Presidency): cover_stem. */
const STEM_SLOT = 6;
const ABBREVIATION_SLOT = COVER_SLOT.abbreviation;
const COVER_SLOTS = 7;

/** A candidate answer with what the model saw of it and its raw score. */
export interface ScoredCandidate {
  candidate: Candidate;
  features: Features;
  score: number;
}

/**
 * What answering learns of a segment whatever the question (its numbers, a negation, a date, a number, a comparison, whether it
 * points back), kept in one record per segment of an index: one weak entry a segment, not five, since the garbage
 * collector's pauses grow with the weak entries it must trace.
 */
interface SegmentMemo {
  words?: Set<string>;
  numbers?: string[];
  negated?: boolean;
  sequenced?: boolean;
  dated?: boolean;
  numbered?: boolean;
  compares?: boolean;
  pointsBack?: boolean;
}
const memos = new WeakMap<Segment, SegmentMemo>();

function memoOf(segment: Segment): SegmentMemo {
  let memo = memos.get(segment);
  if (!memo) memos.set(segment, (memo = {}));
  return memo;
}

/** The folded words a segment writes, as written (not stemmed). */
function surfaceWords(segment: Segment): Set<string> {
  const memo = memoOf(segment);
  return (memo.words ??= new Set(words(segment.text)));
}

/** The numbers a segment writes in digits. */
function numbersOf(segment: Segment): string[] {
  const memo = memoOf(segment);
  return (memo.numbers ??= numbersIn(segment.text));
}

/** Whether a segment holds a negation ("not", "niet"). */
function negated(segment: Segment, lang: Passage['lang']): boolean {
  const memo = memoOf(segment);
  return (memo.negated ??= hasNegation(segment.text, lang));
}

/** Whether a segment places something before or after another ("after", "former"). */
function sequenced(segment: Segment, lang: Passage['lang']): boolean {
  const memo = memoOf(segment);
  // The words in order, so that a verb's particle ("named after the city") places nothing.
  return (memo.sequenced ??= hasSequenceWord(words(segment.text), lang));
}

/** How a segment holds what the question expects: not, only through common words written large (*who*), or fully. */
const EXPECTED_NOT = 0;
const EXPECTED_COMMON_WORDS = 1;
const EXPECTED_HELD = 2;
type Held = typeof EXPECTED_NOT | typeof EXPECTED_COMMON_WORDS | typeof EXPECTED_HELD;

/** What a segment holds of what the question expects (`satisfies`, `newNameIn`), remembered for dates, numbers and comparisons. */
function holdsExpected(segment: Segment, passage: Passage, q: AnalyzedQuestion, namedWords: ReadonlySet<string>, askedTerms: ReadonlySet<string>, commonWord: (word: string) => boolean): Held {
  const held = (yes: boolean): Held => (yes ? EXPECTED_HELD : EXPECTED_NOT);
  if (q.expects === 'date') {
    const memo = memoOf(segment);
    return held((memo.dated ??= holdsDate(segment.text, passage.lang)));
  }
  if (q.expects === 'number') {
    const memo = memoOf(segment);
    return held((memo.numbered ??= holdsNumber(segment.text)));
  }
  if (q.expects === 'comparison') {
    const memo = memoOf(segment);
    return held((memo.compares ??= satisfies('comparison', segment.text, q)));
  }
  const factLabel = passage.kind === 'facts' && segment.item !== undefined ? passage.facts?.[segment.item]?.label : undefined;
  const facts = { known: namedWords, factLabel, askedTerms, lang: passage.lang };
  if (q.expects === 'person') {
    // Common words written large ("Council") are told apart in English, where WordNet knows them.
    const found = newNameIn('person', segment.text, q, { ...facts, commonWord: passage.lang === 'en' ? commonWord : undefined });
    return found === 'name' ? EXPECTED_HELD : found === 'common_words' ? EXPECTED_COMMON_WORDS : EXPECTED_NOT;
  }
  return held(satisfies(q.expects, segment.text, q, facts));
}

/** Whether a segment starts by pointing back ("It also plays…"). */
function pointsBack(segment: Segment): boolean {
  const memo = memoOf(segment);
  return (memo.pointsBack ??= ANAPHOR_RE.test(segment.text));
}

/** A list of bare names (most items five words or fewer), such as a members list. */
function isRoster(passage: Passage): boolean {
  const items = passage.kind === 'list' ? (passage.items ?? []) : [];
  return items.length >= 3 && items.filter((item) => item.split(/\s+/).length <= 5).length >= 0.8 * items.length;
}

/** Whether a fact's label names another role than the one asked ("vice chair" when "chair" is asked). */
export function changesRole(labelWords: readonly string[], isAsked: (word: string) => boolean): boolean {
  const asksAboutLabel = labelWords.some((w) => isAsked(w) && !ROLE_MODIFIERS.has(w));
  // "Deputy chair" asks for the vice chair: the second in command has several names.
  const modifierAsked = (w: string) => isAsked(w) || (SECOND_IN_COMMAND.has(w) && [...SECOND_IN_COMMAND].some(isAsked));
  return asksAboutLabel && labelWords.some((w) => ROLE_MODIFIERS.has(w) && !modifierAsked(w));
}

/** Question words held as bits of one integer mask: 31, the sign bit kept free. */
const MASK_WORDS = 31;

/** The question's words as bit masks over index terms, with their weights: what every feature is measured with. */
class QuestionTerms {
  readonly total: number;
  readonly weights: number[];
  private readonly primary = new Map<string, number>();
  private readonly lexical = new Map<string, number>();
  private readonly antonyms = new Map<string, number>();
  /** Terms by the words they stand for, abbreviations of names aside; null when no word has one (then `primary`). */
  private readonly own: Map<string, number> | null;

  constructor(readonly words: readonly ResolvedWord[]) {
    this.weights = words.slice(0, MASK_WORDS).map((w) => w.weight);
    this.total = this.weights.reduce((sum, w) => sum + w, 0) || 1;
    words.slice(0, MASK_WORDS).forEach((w, i) => {
      for (const t of w.terms) this.primary.set(t, (this.primary.get(t) ?? 0) | (1 << i));
      for (const t of w.lexical) this.lexical.set(t, (this.lexical.get(t) ?? 0) | (1 << i));
      for (const t of w.antonyms) this.antonyms.set(t, (this.antonyms.get(t) ?? 0) | (1 << i));
    });
    const own = words.slice(0, MASK_WORDS).some((w) => w.abbreviations?.length) ? new Map<string, number>() : null;
    if (own) words.slice(0, MASK_WORDS).forEach((w, i) => {
      for (const t of w.terms) if (!w.abbreviations?.includes(t)) own.set(t, (own.get(t) ?? 0) | (1 << i));
    });
    this.own = own;
  }

  /** Whether a word reaches the index through an abbreviation of a name too ("living" of "living labs" → "LLs"). */
  get abbreviates(): boolean {
    return this.own !== null;
  }

  /** Bits of the question words the terms hold through the words' own terms, not an abbreviation of a name. */
  ownMaskOf(terms: readonly string[]): number {
    if (!this.own) return this.maskOf(terms);
    let mask = 0;
    for (const t of terms) mask |= this.own.get(t) ?? 0;
    return mask;
  }

  maskOf(terms: readonly string[]): number {
    let mask = 0;
    for (const t of terms) mask |= this.primary.get(t) ?? 0;
    return mask;
  }

  lexicalMaskOf(terms: readonly string[]): number {
    let mask = 0;
    for (const t of terms) mask |= this.lexical.get(t) ?? 0;
    return mask;
  }

  /** Bits of the question words whose antonyms the terms hold. */
  antonymMaskOf(terms: readonly string[]): number {
    let mask = 0;
    for (const t of terms) mask |= this.antonyms.get(t) ?? 0;
    return mask;
  }

  share(mask: number): number {
    return maskWeight(mask, this.weights) / this.total;
  }

  /** Bits i where question words i and i+1 stand side by side in the terms ("european commission"), in either order. */
  pairsOf(terms: readonly string[]): number {
    let pairs = 0;
    for (let j = 1; j < terms.length; j++) pairs |= this.pairOf(terms[j - 1], terms[j]);
    return pairs;
  }

  /** `pairsOf` for two neighbouring terms. */
  pairOf(first: string | undefined, second: string | undefined): number {
    const a = first === undefined ? 0 : (this.primary.get(first) ?? 0);
    const b = a && second !== undefined ? (this.primary.get(second) ?? 0) : 0;
    return (a & (b >>> 1)) | (b & (a >>> 1));
  }

  /** Consecutive question words side by side (the bits of `pairsOf`), as a share of the question, once per pair. */
  phraseShare(pairs: number): number {
    let sum = 0;
    for (let i = 0; pairs; i++, pairs >>>= 1) if (pairs & 1) sum += ((this.weights[i] ?? 0) + (this.weights[i + 1] ?? 0)) / 2;
    return sum / this.total;
  }
}

/**
 * The best `RERANK_DEPTH` passages of a search (`found`, deeper), and where one is of a translation or of its
 * original, the other's passage at the same place when the search found it too: the same text in the question's
 * language may rank lower ("purpose of EUROCITIES" ranks the Dutch original above the English "objective").
 */
function withTranslations(index: SearchIndex, found: readonly RankedPassage[]): RankedPassage[] {
  const top = found.slice(0, RERANK_DEPTH);
  const siblings = translationSiblings(index);
  for (const result of found.slice(0, RERANK_DEPTH)) {
    const sibling = siblings.get(result.id);
    const deeper = sibling === undefined || top.some((r) => r.id === sibling) ? undefined : found.find((r) => r.id === sibling);
    if (deeper) top.push(deeper);
  }
  return top;
}

/**
 * Every candidate answer the passages found for a question offer, each with its features and the model's raw score:
 * sentences, list items and labelled facts, a sentence joined with the one before it when it points back ("It …"),
 * and a sentence paired with the next when only the next holds what the question expects.
 */
export function generalCandidates(index: SearchIndex, q: AnalyzedQuestion, words: ResolvedWord[], keep: 'all' | 'best' = 'all'): ScoredCandidate[] {
  const results = withTranslations(index, searchPassages(index, words, 2 * RERANK_DEPTH));
  if (!results.length) return [];
  const qt = new QuestionTerms(words);
  const masked = words.slice(0, MASK_WORDS);
  const all = (1 << masked.length) - 1;
  const topScore = results[0].score;
  const askedAcronyms = q.allWords.filter((w) => index.acronyms.has(w));
  const askedTerms = new Set(words.flatMap((w) => w.terms));
  const isAsked = (lang: Passage['lang']) => (w: string) => askedTerms.has(stem(w, lang));
  // A word of a document's title names a body ("The European Commission … manages the EU budget" answers "who"), even
  // when WordNet knows it as a common word.
  const titles = titleWords(index);
  const commonWord = (w: string) => !titles.has(w) && isLemmaTerm(index.lexicon, stem(w, 'en'));
  // Documents the question names by their subject ("the budget of EUROCITIES"). What it asks about them is the
  // rest of the question (the attribute: "budget").
  const named = new Set<number>();
  let namedMask = 0;
  for (const { doc, subject } of subjectsNamedIn(index, q.allWords, 3)) {
    named.add(doc);
    namedMask |= qt.maskOf(subject.split(' ').map((w) => stem(w, index.documents[doc].lang)));
  }
  // The named subject's own words are no answer to "who"/"where" ("Where is OASC based?" ↛ "Open & Agile Smart Cities").
  const namedWords = new Set([...named].flatMap((d) => foldedWords(index.documents[d].title)));
  const attributeMask = all & ~namedMask;
  let roleMask = 0;
  masked.forEach((w, i) => {
    if (ROLE_TERMS.has(stem(w.word, 'en')) || w.terms.some((t) => ROLE_TERMS.has(t))) roleMask |= 1 << i;
  });
  let capitalMask = 0;
  let rarest = 0;
  masked.forEach((w, i) => {
    if (q.capitalized.has(w.word)) capitalMask |= 1 << i;
    if (!rarest || w.weight > words[31 - Math.clz32(rarest)].weight) rarest = 1 << i;
  });
  const absentPlace = masked.some((w) => !w.terms.length && namesPlace(w.word)) ? 1 : 0;
  const unknownShare = qt.share(masked.reduce((m, w, i) => (w.terms.length ? m : m | (1 << i)), 0));
  // One word that several passages use ("Europe", "include") does not say which sentence is meant.
  const lone = words.length === 1 && (index.documentFrequency.get(words[0].terms[0] ?? '') ?? 0) > 1;
  const questionNumbers = numbersIn(q.text);
  // In the language the question is written in: a French question put to English documents negates in French.
  const questionNegated = hasNegation(q.text, q.spoken ?? q.lang);
  // "Who was vice chair before X?", "which country took over after Finland?": another one than a sentence without such a word names.
  const questionSequenced = hasSequenceWord(q.allWords, q.spoken ?? q.lang);
  const antonymAsked = words.some((w) => w.antonyms.length > 0);
  // A labelled fact found through its holder's name answers who they are and what their role is, not any other attribute.
  const otherAttribute = (passage: Passage, item: number | undefined, matched: number): boolean => {
    const fact = passage.kind === 'facts' ? passage.facts?.[item ?? 0] : undefined;
    if (!fact || matched & qt.maskOf(terms(fact.label, passage.lang))) return false;
    return (all & ~matched & ~roleMask) !== 0;
  };
  // The documents name another role than the one asked ("vice chair" for "chair"): said of every candidate.
  const roleConflict = results.some(({ id }) => {
    const { passage, segments } = index.passages[id];
    return passage.kind === 'facts' && segments.some((s) => qt.maskOf(s.terms) & rarest && changesRole(foldedWords(passage.facts?.[s.item ?? 0]?.label ?? ''), isAsked(passage.lang)));
  });

  const out: ScoredCandidate[] = [];
  // Answering keeps only the best candidate: one scratch feature record is reused, and a candidate's record and
  // text are copied only when it leads (fewer allocations: garbage collection pauses were the tail of ask()).
  const f = noFeatures();
  const coverSlots = masked.map((w) => COVER_SLOT[w.how]);
  // Question words matched as themselves by their stem: whether the sentence writes them as the question does.
  let exactMask = 0;
  masked.forEach((w, i) => {
    if (w.how === 'exact') exactMask |= 1 << i;
  });
  const asWritten = (segment: Segment, mask: number): number => {
    let found = 0;
    const written = surfaceWords(segment);
    for (let i = 0, m = mask & exactMask; m; i++, m >>>= 1) if (m & 1 && written.has(words[i].word)) found |= 1 << i;
    return found;
  };
  const cover = new Float64Array(COVER_SLOTS);
  let bestScore = -Infinity;
  results.forEach((result, rank) => {
    const entry: IndexedPassage = index.passages[result.id];
    const { passage } = entry;
    // A roster of names answers "is X a member?" or "how many?" (lists.ts), never as one name picked from it.
    if (isRoster(passage)) return;
    const contextMask = qt.maskOf(entry.titleTerms) | qt.maskOf(entry.headingTerms);
    const masks = entry.segments.map((s) => qt.maskOf(s.terms));
    const passageMask = masks.reduce((m, x) => m | x, contextMask);
    const passageLexicalMask = entry.segments.reduce((m, s) => m | qt.lexicalMaskOf(s.terms), 0);
    const missingInPassage = qt.share(all & ~passageMask & ~passageLexicalMask);
    const nameMissing = (capitalMask & ~passageMask) !== 0;
    const otherDocument = named.size > 0 && !named.has(entry.doc);
    // Per segment of this passage, computed at most once per question.
    const lexicalMasks = entry.segments.map((s) => qt.lexicalMaskOf(s.terms));
    const expectedIn: (Held | undefined)[] = [];
    const pairsIn: (number | undefined)[] = [];
    const pairsAt = (k: number): number => (pairsIn[k] ??= qt.pairsOf(entry.segments[k].terms));
    const heldAt = (k: number): Held => (expectedIn[k] ??= holdsExpected(entry.segments[k], passage, q, namedWords, askedTerms, commonWord));
    const expectedAt = (k: number): boolean => heldAt(k) !== EXPECTED_NOT;
    // For who-questions: whether the segment names someone by a word WordNet does not know ("Bonet"), not only by
    // common words written large ("Council", "Agenda"); a feature of its own, weighed by the model.
    const properNameAt = (k: number): boolean => heldAt(k) === EXPECTED_HELD;
    /** Adds the candidate made of segments `parts` (one, or two side by side). */
    const { segments } = entry;
    /**
     * Adds the candidate made of segments `first` to `last` (one, or two side by side); `k` is the one it answers
     * with. Plain loops over the range: this runs for every candidate, and its garbage was the tail of ask().
     */
    const add = (first: number, last: number, k: number, ownMask: number, shape: 'alone' | 'previous' | 'next') => {
      const segment = segments[k];
      let spanLength = last - first;
      let lexicalMask = 0;
      let pairs = pairsAt(first);
      let antonyms = 0;
      let anyNegated = false;
      let anySequenced = false;
      let anyExpected = false;
      let anyProperName = false;
      for (let p = first; p <= last; p++) {
        spanLength += segments[p].text.length;
        lexicalMask |= lexicalMasks[p];
        if (p > first) pairs |= pairsAt(p) | qt.pairOf(segments[p - 1].terms.at(-1), segments[p].terms[0]);
        if (antonymAsked) antonyms |= qt.antonymMaskOf(segments[p].terms);
        anyNegated ||= negated(segments[p], passage.lang);
        if (questionSequenced) anySequenced ||= sequenced(segments[p], passage.lang);
        if (q.expects && q.expects !== 'expansion') anyExpected ||= expectedAt(p);
        if (q.expects === 'person' && anyExpected) anyProperName ||= properNameAt(p);
      }
      lexicalMask &= ~ownMask;
      let written = 0;
      for (let p = first; p <= last && ownMask & exactMask & ~written; p++) written |= asWritten(segments[p], ownMask);
      const stemOnly = ownMask & exactMask & ~written;
      // A word the span holds only as the abbreviation of a name it is part of ("LLs" for "living labs").
      let abbreviationOnly = 0;
      if (qt.abbreviates && stemOnly) {
        let own = 0;
        for (let p = first; p <= last; p++) own |= qt.ownMaskOf(segments[p].terms);
        abbreviationOnly = stemOnly & ~own;
      }
      cover.fill(0);
      for (let i = 0, m = ownMask; m; i++, m >>>= 1) {
        if (m & 1) cover[abbreviationOnly & (1 << i) ? ABBREVIATION_SLOT : stemOnly & (1 << i) ? STEM_SLOT : coverSlots[i]] += qt.weights[i] / qt.total;
      }
      f.cover_exact = cover[0];
      f.cover_other_language = cover[1];
      f.cover_maintainer_synonym = cover[2];
      f.cover_wordnet = cover[3] + qt.share(lexicalMask & ~contextMask);
      f.cover_typo = cover[4];
      f.cover_abbreviation = cover[5];
      f.cover_stem = cover[6];
      f.cover_context = qt.share(contextMask & ~ownMask & ~lexicalMask);
      const covered = ownMask | lexicalMask | contextMask;
      f.cover_attribute = named.size ? maskWeight(covered & attributeMask, qt.weights) / (maskWeight(attributeMask, qt.weights) || 1) : qt.share(covered);
      f.log_cover = logShare(qt.share(covered));
      f.phrase = qt.phraseShare(pairs);
      f.support = Math.min(bitCount(ownMask & ~contextMask), SUPPORT_WORDS) / SUPPORT_WORDS;
      f.unknown_words = unknownShare;
      f.missing_in_passage = missingInPassage;
      f.largest_missing = largestMissing(covered, Math.min(words.length, 31), qt.weights) / qt.total;
      f.missing_words = Math.min(bitCount(all & ~covered & ~roleMask), MISSING_WORDS) / MISSING_WORDS;
      f.rank_ratio = topScore > 0 ? result.score / topScore : 0;
      f.first_passage = rank === 0 ? 1 : 0;
      f.expected_present = 0;
      f.expected_missing = 0;
      if (q.expects) {
        let present = anyExpected;
        if (q.expects === 'expansion') {
          const foldedSpan = fold(spanText(first, last));
          present = askedAcronyms.some((a) => foldedSpan.includes(`(${a})`) || foldedSpan.includes(fold(index.acronyms.get(a)?.expansion ?? '\0')));
        }
        f.expected_present = present ? 1 : 0;
        f.expected_missing = present ? 0 : 1;
      }
      f.expected_missing_covered = f.expected_missing * qt.share(covered);
      f.person_common_words_only = q.expects === 'person' && anyExpected && !anyProperName ? 1 : 0;
      f.other_language = passage.lang === q.lang ? 0 : 1;
      f.name_missing = nameMissing ? 1 : 0;
      f.absent_place = absentPlace;
      // A sentence from another document that does not itself name the subject (its title may) is likely about something else.
      f.off_subject = otherDocument && !(ownMask & namedMask) ? 1 : 0;
      f.lone_common_word = lone ? 1 : 0;
      f.role_conflict = roleConflict ? 1 : 0;
      f.other_attribute = otherAttribute(passage, segment.item, ownMask | contextMask) ? 1 : 0;
      // What a question asks about a fact's holder beyond the fact ("phone number" of the staff contact).
      f.fact_unmatched = passage.kind === 'facts' ? qt.share(all & ~covered & ~roleMask) : 0;
      f.antonym = antonymAsked && antonymWithoutWord(antonyms, ownMask) ? 1 : 0;
      f.negation_mismatch = questionNegated !== anyNegated ? 1 : 0;
      f.sequence_missing = questionSequenced && !anySequenced ? 1 : 0;
      f.number_mismatch = questionNumbers.length && numberMismatch(questionNumbers, first === last ? numbersOf(segment) : [...numbersOf(segments[first]), ...numbersOf(segments[last])]) ? 1 : 0;
      f.joined_previous = shape === 'previous' ? 1 : 0;
      f.paired_next = shape === 'next' ? 1 : 0;
      f.labelled_fact = passage.kind === 'facts' ? 1 : 0;
      f.length = lengthFeature(spanLength, MAX_SPAN_CHARS);
      const score = rawScore(f);
      if (keep === 'best' && score <= bestScore) return;
      bestScore = score;
      const span = spanText(first, last);
      const text = passage.kind === 'facts' ? `${span} (${passage.source.title})` : span;
      const candidate: Candidate = { kind: passage.kind === 'facts' ? 'labelled_fact' : 'fact', text, passage: result.id, confidence: 0, ...(shape === 'previous' ? { joinedToPrevious: true } : {}) };
      if (keep === 'best') out.length = 0;
      out.push({ candidate, features: { ...f }, score });
    };
    const spanText = (first: number, last: number): string => (first === last ? segments[first].text : `${segments[first].text} ${segments[last].text}`);
    for (let k = 0; k < entry.segments.length; k++) {
      const segment = entry.segments[k];
      const previous = entry.segments[k - 1];
      const withPrevious = k > 0 && pointsBack(segment) && previous.item === segment.item && previous.text.length + segment.text.length < MAX_SPAN_CHARS;
      // A sentence that matches nothing itself is not an answer, even when the one before it matches.
      if (!masks[k] && !lexicalMasks[k]) continue;
      const ownMask = withPrevious ? masks[k] | masks[k - 1] : masks[k];
      add(withPrevious ? k - 1 : k, k, k, ownMask, withPrevious ? 'previous' : 'alone');
      // The sentence lacks what the question expects ("when" → no date) but the next one has it: the answer
      // may be the pair ("… was founded by three cities. That was in 1986.").
      const next = entry.segments[k + 1];
      if (q.expects && q.expects !== 'expansion' && next && next.item === segment.item && segment.text.length + next.text.length < MAX_SPAN_CHARS && !expectedAt(k) && expectedAt(k + 1)) {
        add(k, k + 1, k, ownMask | masks[k + 1], 'next');
      }
    }
  });
  return out;
}

/** The general path: the passage candidate the model scores highest, or null when the passages hold none. */
export function bestPassageCandidate(index: SearchIndex, q: AnalyzedQuestion, words: ResolvedWord[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  for (const c of generalCandidates(index, q, words, 'best')) if (!best || c.score > best.score) best = c;
  return best;
}

/**
 * The reply a chosen candidate makes, with its calibrated confidence; a sentence over the span limit is cut to the
 * clauses that hold the question's words. Done for the winner only, whichever kind of candidate won.
 */
export function finishCandidate(index: SearchIndex, best: ScoredCandidate, q: AnalyzedQuestion, words: ResolvedWord[]): Candidate {
  const { candidate } = best;
  const confidence = confidenceOf(best.score);
  if (candidate.kind !== 'fact' || best.features.paired_next) return { ...candidate, confidence };
  return { ...candidate, confidence, text: tightSpan(candidate.text, words, q, index.passages[candidate.passage].passage.lang) };
}

/** Question words left uncovered at which the missing-words feature is full: three unanswered words say enough. */
const MISSING_WORDS = 3;
/** Question words in one sentence at which the support feature is full (two together already say which sentence is meant). */
const SUPPORT_WORDS = 2;
