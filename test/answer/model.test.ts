import { FEATURE_NAMES, noFeatures } from '../../src/answer/features';
import { type AnswerModel, checkModel, confidenceOf, MODEL, rawScore } from '../../src/answer/model';

const model = (over: Partial<AnswerModel> = {}): AnswerModel => ({
  version: 1,
  features: [...FEATURE_NAMES],
  weights: FEATURE_NAMES.map(() => 0),
  intercept: 0,
  calibration: { kind: 'isotonic', scores: [-1, 1], values: [0.2, 0.8] },
  threshold: 0.5,
  fit: {},
  ...over,
});

describe('the answer model', () => {
  it('ships weights for exactly the features the code computes, with a threshold and the figures of its fit', () => {
    expect(MODEL.features).toEqual([...FEATURE_NAMES]);
    expect(MODEL.threshold).toBeGreaterThan(0);
    expect(MODEL.threshold).toBeLessThan(1);
    expect(MODEL.fit).toHaveProperty('figures');
  });

  it('refuses weights made for other features, naming the file and what to run', () => {
    expect(() => checkModel(model({ features: ['cover_exact'] }))).toThrow(/weights\.json.*npm run train/);
    expect(() => checkModel(model({ weights: [Number.NaN, ...FEATURE_NAMES.slice(1).map(() => 0)] }))).toThrow(/model's features/);
  });

  it('scores a candidate as the weighted sum of its features plus the intercept', () => {
    const weights = FEATURE_NAMES.map((n) => (n === 'cover_exact' ? 2 : n === 'antonym' ? -3 : 0));
    const m = model({ weights, intercept: -1 });
    const f = noFeatures();
    f.cover_exact = 0.5;
    expect(rawScore(f, m)).toBeCloseTo(0);
    f.antonym = 1;
    expect(rawScore(f, m)).toBeCloseTo(-3);
  });

  it('turns a score into a probability through its calibration table: straight lines between points, flat beyond', () => {
    const m = model({ calibration: { kind: 'isotonic', scores: [-2, 0, 1, 3], values: [0.1, 0.3, 0.3, 0.9] } });
    expect(confidenceOf(-9, m)).toBe(0.1);
    expect(confidenceOf(-2, m)).toBe(0.1);
    expect(confidenceOf(-1, m)).toBeCloseTo(0.2);
    expect(confidenceOf(0.5, m)).toBeCloseTo(0.3);
    expect(confidenceOf(2, m)).toBeCloseTo(0.6);
    expect(confidenceOf(3, m)).toBe(0.9);
    expect(confidenceOf(9, m)).toBe(0.9);
    const rising = [-3, -1.5, 0, 0.7, 1.2, 2.9, 4].map((s) => confidenceOf(s, m));
    expect([...rising].sort((a, b) => a - b)).toEqual(rising);
  });

  it('refuses a calibration table that is not rising or not a probability, naming what to run', () => {
    for (const calibration of [
      { kind: 'isotonic' as const, scores: [], values: [] },
      { kind: 'isotonic' as const, scores: [1, 0], values: [0.2, 0.4] },
      { kind: 'isotonic' as const, scores: [0, 1], values: [0.6, 0.4] },
      { kind: 'isotonic' as const, scores: [0, 1], values: [0.2, 1.4] },
      { kind: 'isotonic' as const, scores: [0], values: [0.2, 0.3] },
      { kind: 'isotonic' as const } as unknown as AnswerModel['calibration'],
    ]) {
      expect(() => checkModel(model({ calibration }))).toThrow(/calibration.*npm run train/);
    }
  });

  it('weighs contradictions against an answer', () => {
    // (other_attribute, a fact asked for another attribute, fires with fact_unmatched, which carries the weight.)
    for (const name of ['antonym', 'expected_missing', 'fact_unmatched', 'negation_mismatch', 'number_mismatch', 'role_conflict'] as const) {
      expect({ name, weight: MODEL.weights[FEATURE_NAMES.indexOf(name)] < 0 }).toEqual({ name, weight: true });
    }
  });
});
