import type { SearchIndex } from '../search/build';
import { fold } from '../text/fold';
import type { Candidate } from './candidate';
import type { AnalyzedQuestion } from './question';
import { type PassageView, type ResolvedWord, satisfies, searchPassages } from './retrieve';

/** How many passages the search returns for sentence-level reranking. */
const RERANK_DEPTH = 8;

// A sentence that starts by pointing back ("It also plays…") needs the sentence before it.
const ANAPHOR_RE = /^(it|its|they|their|them|this|these|those|he|she|his|her|hun|zij|het|dit|deze|il|elle|ils|elles|ce|cette|er|sie|es|dies|ello|ella|esto|esso|essa)\b/i;

/** A word matched only after typo correction counts for this share of its weight. */
const CORRECTED_EVIDENCE = 0.6;

interface Scored {
  score: number;
  candidate: Candidate;
}

/**
 * The general path: search passages, then pick the sentence (or list item, or labelled fact) that
 * covers most of the question's weighted words and holds what the question expects.
 */
export function answerFromPassages(index: SearchIndex, views: PassageView[], q: AnalyzedQuestion, words: ResolvedWord[]): Candidate | null {
  const results = searchPassages(index, words, RERANK_DEPTH);
  if (!results.length) return null;
  const total = words.reduce((sum, w) => sum + w.weight, 0) || 1;
  const topScore = results[0].score;
  const askedAcronyms = q.allWords.filter((w) => index.acronyms.has(w));
  let best: Scored | null = null;

  for (const result of results) {
    const view = views[result.id as number];
    const { entry } = view;
    const langBonus = entry.passage.lang === q.lang ? 0.05 : 0;
    const rankScore = 0.25 * (result.score / topScore);
    for (let k = 0; k < entry.segments.length; k++) {
      const segment = entry.segments[k];
      const withPrevious = k > 0 && ANAPHOR_RE.test(segment.text) && entry.segments[k - 1].item === segment.item;
      let inSegment = 0;
      let inContext = 0;
      for (const w of words) {
        const hit = (set: Set<string>) => w.terms.some((t) => set.has(t));
        const weight = w.corrected ? w.weight * CORRECTED_EVIDENCE : w.weight;
        if (hit(view.segmentTerms[k]) || (withPrevious && hit(view.segmentTerms[k - 1]))) inSegment += weight;
        else if (hit(view.contextTerms)) inContext += weight;
      }
      if (inSegment === 0) continue;
      const span = withPrevious ? `${entry.segments[k - 1].text} ${segment.text}` : segment.text;
      const foldedSpan = q.expects === 'expansion' ? fold(span) : '';
      const expansionHere = askedAcronyms.some((a) => foldedSpan.includes(`(${a})`) || foldedSpan.includes(fold(index.acronyms.get(a) ?? '\0')));
      const expected = satisfies(q.expects, span, q, expansionHere);
      const coverage = (inSegment + inContext) / total;
      const score = coverage + (0.5 * inSegment) / total + rankScore + langBonus + (q.expects && expected ? 0.2 : 0);
      if (!best || score > best.score) {
        const confidence = coverage * (expected ? 1 : 0.55);
        const text = entry.passage.kind === 'facts' ? `${span} (${entry.passage.source.title})` : span;
        best = { score, candidate: { kind: entry.passage.kind === 'facts' ? 'labelled_fact' : 'fact', text, passage: result.id as number, confidence } };
      }
    }
  }
  return best?.candidate ?? null;
}
