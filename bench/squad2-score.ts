/**
 * Pure scoring of the SQuAD v2.0 benchmark: answering the answerable questions and abstaining on the others,
 * calibration of the confidence a system gives, and tuning a score threshold. No I/O, no clock.
 */
import { answerRecall, percentile } from './score';

/** How a system replied: `chitchat` (or anything but an answer or an abstention) is wrong for every question. */
export type V2Status = 'answered' | 'no_answer' | 'chitchat';

/** What one system did for one v2 question. */
export interface V2Outcome {
  answerable: boolean;
  /** Accepted answers (empty for an unanswerable question). */
  answers: readonly string[];
  status: V2Status;
  /** The reply's text ('' for no_answer). */
  reply: string;
  /** The system's confidence 0..1 in its reply; null when the system gives none. */
  confidence: number | null;
}

/** Confidence at or above which an answer counts as "high confidence" (the brief's precision at conf >= 0.9). */
export const HIGH_CONFIDENCE = 0.9;
/** Number of equal-width confidence bins of the reliability table and ECE (0-0.1 … 0.9-1.0). */
export const RELIABILITY_BINS = 10;

/** An answered reply to an answerable question that contains a gold answer (the v1 answer recall: folded, at most 400 characters). */
export function isRight(o: Pick<V2Outcome, 'answerable' | 'answers' | 'status' | 'reply'>): boolean {
  return o.status === 'answered' && o.answerable && answerRecall(o.reply, o.answers);
}

/** Right for the v2 overall accuracy: a right answer to an answerable question, or no_answer to an unanswerable one. */
export function isCorrect(o: Pick<V2Outcome, 'answerable' | 'answers' | 'status' | 'reply'>): boolean {
  return o.answerable ? isRight(o) : o.status === 'no_answer';
}

/** One confidence bin of a reliability table. */
export interface ReliabilityBin {
  /** Lower bound (inclusive). */
  from: number;
  /** Upper bound (exclusive, except 1.0 for the last bin). */
  to: number;
  count: number;
  /** Mean confidence of the replies in the bin; NaN when empty. */
  meanConfidence: number;
  /** Share (0..1) of the bin's replies that are right; NaN when empty. */
  shareRight: number;
}

/** Index of the bin holding `confidence` (clamped to 0..1; 1.0 falls in the last bin). */
export function binOf(confidence: number, bins: number = RELIABILITY_BINS): number {
  const c = Math.min(1, Math.max(0, confidence));
  return Math.min(bins - 1, Math.floor(c * bins));
}

/** The reliability table of answered replies: per equal-width confidence bin, count, mean confidence and share right. */
export function reliability(points: ReadonlyArray<{ confidence: number; right: boolean }>, bins: number = RELIABILITY_BINS): ReliabilityBin[] {
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  for (const p of points) {
    const b = binOf(p.confidence, bins);
    count[b]++;
    confidence[b] += p.confidence;
    if (p.right) right[b]++;
  }
  return count.map((n, b) => ({ from: b / bins, to: (b + 1) / bins, count: n, meanConfidence: confidence[b] / n, shareRight: right[b] / n }));
}

/** Expected calibration error: Σ (bin count / total) × |mean confidence − share right| over non-empty bins; NaN for no replies. */
export function expectedCalibrationError(bins: readonly ReliabilityBin[]): number {
  const total = bins.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return NaN;
  return bins.reduce((sum, b) => (b.count === 0 ? sum : sum + (b.count / total) * Math.abs(b.meanConfidence - b.shareRight)), 0);
}

/** One system's v2 figures; shares are 0..1, NaN when their denominator is 0. */
export interface V2Summary {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** (right answers to answerable questions + no_answer to unanswerable ones) / all questions. */
  overall: number;
  /** Right answers / answerable questions. */
  answerableRecall: number;
  /** no_answer replies / unanswerable questions. */
  unanswerableAbstention: number;
  /** Replies with status `answered`. */
  answered: number;
  /** Answered replies with confidence >= {@link HIGH_CONFIDENCE}. */
  highConfidenceAnswered: number;
  /** Share right among those; NaN when none or when the system gives no confidence. */
  precisionAtHighConfidence: number;
  /** Over answered replies with a confidence; all bins empty when the system gives none. */
  reliability: ReliabilityBin[];
  /** Over the same replies; NaN when the system gives no confidence. */
  ece: number;
}

/** Summarises one system's outcomes over the v2 questions. */
export function summariseV2(outcomes: readonly V2Outcome[]): V2Summary {
  let answerable = 0;
  let correct = 0;
  let recalled = 0;
  let abstained = 0;
  let answered = 0;
  let high = 0;
  let highRight = 0;
  const points: Array<{ confidence: number; right: boolean }> = [];
  for (const o of outcomes) {
    const right = isRight(o);
    if (o.answerable) answerable++;
    if (isCorrect(o)) correct++;
    if (right) recalled++;
    if (!o.answerable && o.status === 'no_answer') abstained++;
    if (o.status !== 'answered') continue;
    answered++;
    if (o.confidence === null) continue;
    points.push({ confidence: o.confidence, right });
    if (o.confidence >= HIGH_CONFIDENCE) {
      high++;
      if (right) highRight++;
    }
  }
  const n = outcomes.length;
  const bins = reliability(points);
  return {
    questions: n,
    answerable,
    unanswerable: n - answerable,
    overall: correct / n,
    answerableRecall: recalled / answerable,
    unanswerableAbstention: abstained / (n - answerable),
    answered,
    highConfidenceAnswered: high,
    precisionAtHighConfidence: highRight / high,
    reliability: bins,
    ece: expectedCalibrationError(bins),
  };
}

/** Accuracy of never answering: the share of unanswerable questions. */
export function neverAnswerAccuracy(questions: ReadonlyArray<{ answerable: boolean }>): number {
  return questions.filter((q) => !q.answerable).length / questions.length;
}

/** A question as a score-threshold system sees it: its top retrieval score and whether its reply would be right. */
export interface ScoredQuestion {
  /** Top retrieval score; null when nothing matched (always no_answer). */
  score: number | null;
  answerable: boolean;
  /** The reply the system would give, if it answered, contains a gold answer (false for unanswerable questions). */
  right: boolean;
}

/** Whether a system with `threshold` answers: something matched and its top score is at least the threshold. */
export function answersAt(score: number | null, threshold: number): boolean {
  return score !== null && score >= threshold;
}

/** Overall v2 accuracy of answering exactly when the top score reaches `threshold`; NaN for no questions. */
export function thresholdAccuracy(items: readonly ScoredQuestion[], threshold: number): number {
  let correct = 0;
  for (const q of items) {
    const answers = answersAt(q.score, threshold);
    if (q.answerable ? answers && q.right : !answers) correct++;
  }
  return correct / items.length;
}

/** Candidate thresholds as percentiles (0..100) of the fit split's top scores: 0, 5, …, 100 (21 points). */
export const QUANTILE_GRID: readonly number[] = Array.from({ length: 21 }, (_, i) => i * 5);

/** One grid point of a threshold search. */
export interface ThresholdPoint {
  /** Percentile (0..100) of the matched top scores. */
  quantile: number;
  threshold: number;
  accuracy: number;
}

/** The chosen threshold and the whole grid it was chosen from. */
export interface ThresholdFit extends ThresholdPoint {
  grid: ThresholdPoint[];
}

/**
 * Picks the threshold that maximises overall accuracy on `items` among the given percentiles of their matched top
 * scores (nearest rank); the first grid point wins a tie.
 * @throws RangeError when no item has a score to take percentiles of
 */
export function tuneThreshold(items: readonly ScoredQuestion[], quantiles: readonly number[] = QUANTILE_GRID): ThresholdFit {
  const scores = items.flatMap((q) => (q.score === null ? [] : [q.score]));
  if (scores.length === 0 || quantiles.length === 0) throw new RangeError('tuneThreshold: no matched scores or no grid points to choose from');
  const grid = quantiles.map((quantile): ThresholdPoint => {
    const threshold = percentile(scores, quantile);
    return { quantile, threshold, accuracy: thresholdAccuracy(items, threshold) };
  });
  const best = grid.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  return { ...best, grid };
}
