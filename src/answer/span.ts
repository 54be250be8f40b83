import { terms } from '../text/analyze';
import type { Lang } from '../types';
import type { AnalyzedQuestion } from './question';
import { type ResolvedWord, satisfies } from './retrieve';

/** Longest span the answer is cut to before clauses are dropped: one sentence, two when short. */
export const MAX_SPAN_CHARS = 400;

// Clause boundaries inside a long sentence: after ; or : or a comma followed by a space.
const CLAUSE_RE = /(?<=[;:,])\s+/;

/**
 * Cuts an over-long sentence to the run of clauses that holds the question's words (and what the
 * question expects), extended clause by clause up to `max` characters; "…" marks what was left out.
 */
export function tightSpan(text: string, words: ResolvedWord[], q: AnalyzedQuestion, lang: Lang, max = MAX_SPAN_CHARS): string {
  if (text.length <= max) return text;
  const clauses = text.split(CLAUSE_RE);
  const room = max - 4; // the "… " markers
  if (clauses.length < 2) return text;
  const scores = clauses.map((clause) => {
    const clauseTerms = new Set(terms(clause, lang));
    let score = 0;
    for (const w of words) if (w.terms.some((t) => clauseTerms.has(t))) score += w.weight;
    return score + (q.expects && satisfies(q.expects, clause, q, { lang }) ? 0.5 : 0);
  });
  let start = scores.indexOf(Math.max(...scores));
  let end = start;
  let length = clauses[start].length;
  // Grow toward the richer neighbour while the span fits.
  for (;;) {
    const left = start > 0 ? clauses[start - 1].length + 1 : Infinity;
    const right = end < clauses.length - 1 ? clauses[end + 1].length + 1 : Infinity;
    const preferLeft = left !== Infinity && (right === Infinity || scores[start - 1] > scores[end + 1]);
    if (preferLeft && length + left <= room) {
      start--;
      length += left;
    } else if (right !== Infinity && length + right <= room) {
      end++;
      length += right;
    } else if (left !== Infinity && length + left <= room) {
      start--;
      length += left;
    } else break;
  }
  const span = clauses.slice(start, end + 1).join(' ').replace(/[,;:]$/, '');
  return `${start > 0 ? '… ' : ''}${span}${end < clauses.length - 1 ? ' …' : ''}`;
}
