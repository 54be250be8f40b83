import { fitIsotonic } from '../../../bench/train/calibrate';
import { checkModel, confidenceOf, type AnswerModel } from '../../../src/answer/model';
import { FEATURE_NAMES } from '../../../src/answer/features';

describe('fitIsotonic', () => {
  it('pools neighbouring scores until the share right never falls, one point in the middle of each pool', () => {
    const fitted = fitIsotonic([
      { score: 2, right: true },
      { score: -1, right: false },
      { score: 1, right: false },
      { score: 0, right: true },
    ]);
    expect(fitted).toEqual({ kind: 'isotonic', scores: [-1, 0.5, 2], values: [0, 0.5, 1] });
  });

  it('keeps the shares of pools that already rise, and gives a table the answer model accepts', () => {
    const points = [...Array(40)].map((_, i) => ({ score: i / 10, right: i % 4 !== 0 || i > 30 }));
    const fitted = fitIsotonic(points);
    for (let i = 1; i < fitted.values.length; i++) expect(fitted.values[i]).toBeGreaterThan(fitted.values[i - 1]);
    const model: AnswerModel = { version: 1, features: [...FEATURE_NAMES], weights: FEATURE_NAMES.map(() => 0), intercept: 0, calibration: fitted, threshold: 0.5, fit: {} };
    expect(() => checkModel(model)).not.toThrow();
    expect(confidenceOf(10, model)).toBe(1);
  });

  it('pools equal scores whatever their order, so the scores of the table rise', () => {
    const ties = [
      { score: 0, right: false },
      { score: 0, right: true },
      { score: 1, right: true },
    ];
    expect(fitIsotonic(ties)).toEqual(fitIsotonic([...ties].reverse()));
    expect(fitIsotonic(ties)).toEqual({ kind: 'isotonic', scores: [0, 1], values: [0.5, 1] });
    const close = fitIsotonic([
      { score: 0.1000001, right: false },
      { score: 0.1000002, right: true },
    ]);
    for (let i = 1; i < close.scores.length; i++) expect(close.scores[i]).toBeGreaterThan(close.scores[i - 1]);
  });

  it('joins a pool of fewer points than the minimum to its smaller neighbour, keeping the table rising', () => {
    const points = [...Array(60)].map((_, i) => ({ score: i, right: (i * 7) % 10 < i / 6 }));
    const loose = fitIsotonic(points);
    const pooled = fitIsotonic(points, 10);
    expect(pooled.scores.length).toBeLessThan(loose.scores.length);
    expect(pooled.scores.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < pooled.values.length; i++) expect(pooled.values[i]).toBeGreaterThanOrEqual(pooled.values[i - 1]);
    for (let i = 1; i < pooled.scores.length; i++) expect(pooled.scores[i]).toBeGreaterThan(pooled.scores[i - 1]);
    // The shares still average to the share right overall.
    expect(fitIsotonic(points, 60).values).toEqual([Math.round((points.filter((p) => p.right).length / 60) * 1e6) / 1e6]);
  });

  it('refuses to fit nothing', () => {
    expect(() => fitIsotonic([])).toThrow(/at least one point/);
  });
});
