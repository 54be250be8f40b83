import type { SearchIndex } from '../search/build';
import { subjectsNamedIn } from '../search/lookups';
import { stem, terms } from '../text/analyze';
import { fold, foldedWords } from '../text/fold';
import type { Lang, Passage } from '../types';
import type { Candidate } from './candidate';
import type { AnalyzedQuestion } from './question';
import { MAX_SPAN_CHARS, tightSpan } from './span';
import { type ResolvedWord, satisfies, searchPassages } from './retrieve';

/** How many passages the search returns for sentence-level reranking (5, 8 and 12 gave the same SQuAD accuracy). */
const RERANK_DEPTH = 5;

// A sentence that starts by pointing back ("It also plays…") needs the sentence before it.
const ANAPHOR_RE = /^(it|its|they|their|them|this|these|those|he|she|his|her|hun|zij|het|dit|deze|il|elle|ils|elles|ce|cette|er|sie|es|dies|ello|ella|esto|esso|essa)\b/i;

// A label word that makes it another role: the vice chair is not the chair.
const ROLE_MODIFIERS = new Set(['vice', 'deputy', 'assistant', 'acting', 'former', 'honorary', 'interim', 'co', 'ex', 'sub', 'associate', 'plaatsvervangend', 'adjoint', 'stellvertretender', 'stellvertretende']);

/** A list of bare names (most items five words or fewer), such as a members list. */
function isRoster(passage: Passage): boolean {
  const items = passage.kind === 'list' ? (passage.items ?? []) : [];
  return items.length >= 3 && items.filter((item) => item.split(/\s+/).length <= 5).length >= 0.8 * items.length;
}

function changesRole(label: string, lang: Lang, askedTerms: Set<string>): boolean {
  const labelWords = foldedWords(label);
  const asked = (w: string) => askedTerms.has(stem(w, lang));
  const asksAboutLabel = labelWords.some((w) => asked(w) && !ROLE_MODIFIERS.has(w));
  return asksAboutLabel && labelWords.some((w) => ROLE_MODIFIERS.has(w) && !asked(w));
}

interface Scored {
  score: number;
  candidate: Candidate;
  /** Segment index, and whether the span holds what the question expects. */
  segment: number;
  expected: boolean;
  withPrevious: boolean;
}

/**
 * The general path: search passages, then pick the sentence (or list item, or labelled fact) that
 * covers most of the question's weighted words and holds what the question expects.
 */
export function answerFromPassages(index: SearchIndex, q: AnalyzedQuestion, words: ResolvedWord[]): Candidate | null {
  const results = searchPassages(index, words, RERANK_DEPTH);
  if (!results.length) return null;
  const total = words.reduce((sum, w) => sum + w.weight, 0) || 1;
  const topScore = results[0].score;
  const askedAcronyms = q.allWords.filter((w) => index.acronyms.has(w));
  const evidence = words.map((w) => w.weight * w.evidence);
  // Index term → the question words it stands for, as a bit mask (questions are analysed to at most 31 words).
  const wordsOf = new Map<string, number>();
  words.slice(0, 31).forEach((w, i) => {
    for (const t of w.terms) wordsOf.set(t, (wordsOf.get(t) ?? 0) | (1 << i));
  });
  const weightOf = (mask: number): number => {
    let sum = 0;
    for (let i = 0; mask; i++, mask >>>= 1) if (mask & 1) sum += evidence[i];
    return sum;
  };
  const maskOf = (terms: string[]): number => {
    let mask = 0;
    for (const t of terms) mask |= wordsOf.get(t) ?? 0;
    return mask;
  };
  // Consecutive question words side by side in a sentence ("european commission") count again, once per pair.
  const phraseOf = (terms: string[]): number => {
    let pairs = 0;
    for (let j = 1; j < terms.length; j++) {
      const a = wordsOf.get(terms[j - 1]);
      const b = a && wordsOf.get(terms[j]);
      if (a && b) pairs |= (a & (b >>> 1)) | (b & (a >>> 1));
    }
    let sum = 0;
    for (let i = 0; pairs; i++, pairs >>>= 1) if (pairs & 1) sum += (evidence[i] + evidence[i + 1]) / 2;
    return sum;
  };

  const askedTerms = new Set(words.flatMap((w) => w.terms));
  // Documents the question names by their subject ("the budget of EUROCITIES"). What it asks about them is
  // the rest of the question (the attribute: "budget"); confidence is measured on the attribute alone.
  const named = new Set<number>();
  let namedMask = 0;
  for (const { doc, subject } of subjectsNamedIn(index, q.allWords, 3)) {
    named.add(doc);
    namedMask |= maskOf(subject.split(' ').map((w) => stem(w, index.documents[doc].lang)));
  }
  // The named subject's own words are no answer to "who"/"where" ("Where is OASC based?" ↛ "Open & Agile Smart Cities").
  const namedWords = new Set([...named].flatMap((d) => foldedWords(index.documents[d].title)));
  const attributeMask = ((1 << Math.min(words.length, 31)) - 1) & ~namedMask;
  const attributeWeight = named.size ? weightOf(attributeMask) : 0;
  const absent = words.some((w) => !w.terms.length);
  let capitalMask = 0;
  words.slice(0, 31).forEach((w, i) => {
    if (q.capitalized.has(w.word)) capitalMask |= 1 << i;
  });
  let rarest = 0;
  words.slice(0, 31).forEach((w, i) => {
    if (!rarest || w.weight > words[31 - Math.clz32(rarest)].weight) rarest = 1 << i;
  });
  // One word that several passages use ("Europe", "include") does not say which sentence is meant.
  const lone = words.length === 1 && (index.documentFrequency.get(words[0].terms[0] ?? '') ?? 0) > 1 ? LONE_WORD : 1;
  // A labelled fact found through its holder's name answers who they are and what their role is,
  // not any other attribute ("federica bordelot email?").
  const factFit = (passage: Passage, item: number | undefined, matched: number): number => {
    const fact = passage.kind === 'facts' ? passage.facts?.[item ?? 0] : undefined;
    if (!fact) return 1;
    if (matched & maskOf(terms(fact.label, passage.lang))) return 1;
    let unmatched = ((1 << Math.min(words.length, 31)) - 1) & ~matched;
    for (let i = 0; unmatched; i++, unmatched >>>= 1) if (unmatched & 1 && !ROLE_TERMS.has(stem(words[i].word, 'en')) && !words[i].terms.some((t) => ROLE_TERMS.has(t))) return OTHER_ATTRIBUTE;
    return 1;
  };
  let best: Scored | null = null;
  for (const result of results) {
    const entry = index.passages[result.id];
    // A roster of names answers "is X a member?" or "how many?", never as one name picked from it.
    if (isRoster(entry.passage)) continue;
    const contextMask = maskOf(entry.titleTerms) | maskOf(entry.headingTerms);
    const otherDocument = named.size > 0 && !named.has(entry.doc);
    const passageScore = W.rank * (result.score / topScore) + (entry.passage.lang === q.lang ? 0.05 : 0);
    const masks = entry.segments.map((s) => maskOf(s.terms));
    const passageMask = masks.reduce((all, m) => all | m, contextMask);
    let previousMask = 0;
    for (let k = 0; k < entry.segments.length; k++) {
      const segment = entry.segments[k];
      if (entry.passage.kind === 'facts' && changesRole(entry.passage.facts?.[segment.item ?? 0]?.label ?? '', entry.passage.lang, askedTerms)) {
        // The documents name another role ("vice chair" for "chair"): no sentence elsewhere answers this.
        if (masks[k] & rarest) return null;
        continue;
      }
      const segmentMask = masks[k];
      const withPrevious =
        k > 0 && ANAPHOR_RE.test(segment.text) && entry.segments[k - 1].item === segment.item && entry.segments[k - 1].text.length + segment.text.length < MAX_SPAN_CHARS;
      const ownMask = withPrevious ? segmentMask | previousMask : segmentMask;
      previousMask = segmentMask;
      if (!ownMask) continue;
      const inSegment = weightOf(ownMask);
      const inContext = weightOf(contextMask & ~ownMask);
      const coverage = (inSegment + inContext) / total;
      const base = coverage + (W.phrase * phraseOf(segment.terms)) / total + passageScore;
      if (best && base + (q.expects ? W.expected : 0) <= best.score) continue;
      const span = withPrevious ? `${entry.segments[k - 1].text} ${segment.text}` : segment.text;
      let expected = true;
      if (q.expects) {
        const foldedSpan = q.expects === 'expansion' ? fold(span) : '';
        const expansionHere = askedAcronyms.some((a) => foldedSpan.includes(`(${a})`) || foldedSpan.includes(fold(index.acronyms.get(a)?.expansion ?? '\0')));
        expected = satisfies(q.expects, span, q, expansionHere, namedWords);
      }
      const score = base + (q.expects && expected ? W.expected : 0);
      if (!best || score > best.score) {
        // Several question words together in one sentence is evidence of its own, unless the question
        // also asks about something the knowledge never mentions (then it is likely out of scope).
        // Words of the document's title only say what the passage is about, not that it answers: "Who is
        // the president of the European Commission?" is not answered by any sentence about the Commission.
        // …nor when a name the question spells with a capital ("Finnish") is nowhere in the passage.
        const nameMissing = (capitalMask & ~passageMask) !== 0;
        const support = !absent && !nameMissing && bitCount(ownMask & ~contextMask) >= SUPPORT_WORDS ? SUPPORT_BONUS : 0;
        // "Who is the mayor of the League?" is not answered by a sentence that only names the League.
        const measured = attributeWeight > 0 ? weightOf((ownMask | contextMask) & attributeMask) / attributeWeight : coverage;
        // A sentence from another document that does not name the subject is likely about something else.
        const offSubject = otherDocument && !(ownMask & namedMask) ? 0.5 : 1;
        // A name the question spells with a capital and the passage never mentions: likely another subject.
        const confidence = Math.min(1, measured + support) * (expected ? 1 : 0.55) * offSubject * (nameMissing ? NAME_MISSING : 1) * lone * factFit(entry.passage, segment.item, ownMask | contextMask);
        const text = entry.passage.kind === 'facts' ? `${span} (${entry.passage.source.title})` : span;
        best = { score, segment: k, expected, withPrevious, candidate: { kind: entry.passage.kind === 'facts' ? 'labelled_fact' : 'fact', text, passage: result.id, confidence } };
      }
    }
  }
  if (!best) return null;
  const { candidate } = best;
  if (candidate.kind !== 'fact') return candidate;
  const entry = index.passages[candidate.passage];
  // The sentence lacks what the question expects ("when" → no date) but the next one has it: the
  // answer is likely the pair ("… was founded by three cities. That was in 1986.").
  const next = entry.segments[best.segment + 1];
  if (q.expects && !best.expected && next && next.item === entry.segments[best.segment].item && candidate.text.length + next.text.length < MAX_SPAN_CHARS && satisfies(q.expects, next.text, q, false, namedWords)) {
    return { ...candidate, text: `${candidate.text} ${next.text}`, confidence: candidate.confidence / 0.55 };
  }
  return { ...candidate, text: tightSpan(candidate.text, words, q, entry.passage.lang) };
}

/** Question words that, found together in one sentence, earn the support bonus. */
const SUPPORT_WORDS = 2;
/** Confidence added for that support (see README "How answers are chosen"). */
const SUPPORT_BONUS = 0.3;
const NAME_MISSING = 0.8;
/** Confidence kept for a one-word question whose word appears in several passages. */
const LONE_WORD = 0.5;
/** Confidence kept when a fact is reached through its holder's name but the question asks something else about them. */
const OTHER_ATTRIBUTE = 0.5;
// What a fact's label answers about its holder.
const ROLE_TERMS = new Set(['role', 'position', 'job', 'function', 'titl', 'task', 'respons', 'work', 'offic', 'base'].map((w) => stem(w, 'en')));

function bitCount(mask: number): number {
  let n = 0;
  for (; mask; mask &= mask - 1) n++;
  return n;
}
/**
 * Weights of the sentence score, set on SQuAD dev (bench) and checked on the dev question set:
 * BM25 rank of the passage, adjacent question-word pairs, and holding what the question expects.
 */
const W = { rank: 1, phrase: 0.5, expected: 0.2 } as const;
