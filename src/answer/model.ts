/**
 * The answer model: a logistic regression over the candidate features (features.ts), calibrated by Platt
 * scaling, so that `confidence` is the probability that the reply answers the question. Its numbers live in
 * model/weights.json, written by `npm run train` (bench/train.ts) with the figures that justify them.
 */
import { NetworkQaError } from '../errors';
import { FEATURE_NAMES, type Features } from './features';
import WEIGHTS from './model/weights.json';

export interface AnswerModel {
  version: number;
  features: string[];
  weights: number[];
  intercept: number;
  /** Platt scaling of the raw score of the best candidate: confidence = σ(slope · score + intercept). */
  calibration: { slope: number; intercept: number };
  /** Confidence needed to answer, chosen by `npm run train` for a target precision. */
  threshold: number;
  /** What it was fit on and how it measured (written by the trainer, read by people). */
  fit: Record<string, unknown>;
}

/** Checks that a model's weights match the features this code computes, in order. */
export function checkModel(model: AnswerModel, where = 'src/answer/model/weights.json'): AnswerModel {
  const same = model.features.length === FEATURE_NAMES.length && model.features.every((f, i) => f === FEATURE_NAMES[i]);
  if (!same || model.weights.length !== FEATURE_NAMES.length || !model.weights.every(Number.isFinite)) {
    throw new NetworkQaError('model_invalid', `${where}: the model's features do not match the code's (${FEATURE_NAMES.length} features); run npm run train`);
  }
  return model;
}

export const MODEL: AnswerModel = checkModel(WEIGHTS as AnswerModel);

/** The model's raw score (log-odds before calibration) of one candidate: ranks candidates. */
export function rawScore(features: Features, model: AnswerModel = MODEL): number {
  let z = model.intercept;
  for (let i = 0; i < FEATURE_NAMES.length; i++) z += model.weights[i] * features[FEATURE_NAMES[i]];
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The calibrated probability that a candidate with this raw score answers the question. */
export function confidenceOf(score: number, model: AnswerModel = MODEL): number {
  return sigmoid(model.calibration.slope * score + model.calibration.intercept);
}
