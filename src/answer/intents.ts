/**
 * Candidates of the structured intents: a membership verdict, a count, a list (or one item of it), a definition.
 * Each comes with what the answer model sees of it (which intent made it, how closely the name asked matched) and
 * is scored by the same model as every sentence (model.ts): none is answered with a confidence of its own.
 */
import type { SearchIndex } from '../search/build';
import { answerDefinition } from './definition';
import { noFeatures } from './features';
import type { ScoredCandidate } from './general';
import { answerCount, answerList, answerMembership } from './lists';
import { rawScore } from './model';
import type { AnalyzedQuestion } from './question';
import type { ResolvedWord } from './retrieve';

/** Every structured intent's candidate for the question (none when no intent applies), with features and score. */
export function intentCandidates(index: SearchIndex, q: AnalyzedQuestion, words: ResolvedWord[]): ScoredCandidate[] {
  const out: ScoredCandidate[] = [];
  for (const candidate of [answerMembership(index, q), answerCount(index, q, words), answerDefinition(index, q), answerList(index, q, words)]) {
    if (!candidate) continue;
    const features = { ...noFeatures(), ...candidate.signals };
    out.push({ candidate, features, score: rawScore(features) });
  }
  return out;
}
