/**
 * The answer model: a linear score over the candidate features (features.ts), fit listwise against a "no answer"
 * option (bench/train/listwise.ts) and calibrated by isotonic regression, so that `confidence` is the probability
 * that the reply answers the question. Its numbers live in model/weights.json, written by `npm run train`
 * (bench/train/run.ts) with the figures that justify them.
 */
import { NetworkQaError } from '../errors';
import { FEATURE_NAMES, type Features } from './features';
import WEIGHTS from './model/weights.json';

export interface AnswerModel {
  version: number;
  features: string[];
  weights: number[];
  intercept: number;
  /** How the raw score of the best candidate becomes a confidence. */
  calibration: IsotonicCalibration;
  /** Confidence needed to answer, chosen by `npm run train` for a target precision. */
  threshold: number;
  /** What it was fit on and how it measured (written by the trainer, read by people). */
  fit: Record<string, unknown>;
}

/**
 * The share right as a non-decreasing function of the raw score: fitted points (`scores` rising, `values` in 0..1
 * and not falling), read with straight lines between them and flat beyond the first and the last.
 */
export interface IsotonicCalibration {
  kind: 'isotonic';
  scores: number[];
  values: number[];
}

function calibrationValid({ kind, scores, values }: IsotonicCalibration): boolean {
  return (
    kind === 'isotonic' &&
    Array.isArray(scores) &&
    Array.isArray(values) &&
    scores.length > 0 &&
    scores.length === values.length &&
    scores.every((s, i) => Number.isFinite(s) && (i === 0 || s > scores[i - 1])) &&
    values.every((v, i) => v >= 0 && v <= 1 && (i === 0 || v >= values[i - 1]))
  );
}

/** Checks that a model's weights match the features this code computes, in order, and that its calibration can be read. */
export function checkModel(model: AnswerModel, where = 'src/answer/model/weights.json'): AnswerModel {
  const same = model.features.length === FEATURE_NAMES.length && model.features.every((f, i) => f === FEATURE_NAMES[i]);
  if (!same || model.weights.length !== FEATURE_NAMES.length || !model.weights.every(Number.isFinite)) {
    throw new NetworkQaError('model_invalid', `${where}: the model's features do not match the code's (${FEATURE_NAMES.length} features); run npm run train`);
  }
  if (!model.calibration || !calibrationValid(model.calibration)) {
    throw new NetworkQaError('model_invalid', `${where}: the calibration is not an isotonic table (scores rising, values 0..1 not falling); run npm run train`);
  }
  return model;
}

export const MODEL: AnswerModel = checkModel(WEIGHTS as AnswerModel);

/** The model's raw score (log-odds against no answer, before calibration) of one candidate: ranks candidates. */
export function rawScore(features: Features, model: AnswerModel = MODEL): number {
  let z = model.intercept;
  for (let i = 0; i < FEATURE_NAMES.length; i++) z += model.weights[i] * features[FEATURE_NAMES[i]];
  return z;
}

/** The calibrated probability that a candidate with this raw score answers the question. */
export function confidenceOf(score: number, model: AnswerModel = MODEL): number {
  return calibratedConfidence(score, model.calibration);
}

/** A raw score read through a calibration table (the trainer reads a table it has not yet written into a model). */
export function calibratedConfidence(score: number, { scores, values }: IsotonicCalibration): number {
  const last = scores.length - 1;
  if (!(score > scores[0])) return values[0];
  if (score >= scores[last]) return values[last];
  // Binary search for the segment holding the score: this runs for every candidate.
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (scores[mid] <= score) low = mid;
    else high = mid;
  }
  return values[low] + ((values[high] - values[low]) * (score - scores[low])) / (scores[high] - scores[low]);
}
