import { fitLogistic, solveSymmetric } from '../../../bench/train/logistic';
import { seededRandom } from '../../../bench/squad';

describe('logistic regression by Newton steps', () => {
  it('solves a symmetric positive definite system', () => {
    const x = solveSymmetric([[4, 1], [1, 3]], [1, 2]);
    expect(x[0]).toBeCloseTo(1 / 11);
    expect(x[1]).toBeCloseTo(7 / 11);
  });

  it('recovers the weights that generated the data', () => {
    const random = seededRandom(7);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const x = [random() * 2 - 1, random() * 2 - 1];
      const p = 1 / (1 + Math.exp(-(3 * x[0] - 2 * x[1] + 0.5)));
      rows.push(x);
      labels.push(random() < p ? 1 : 0);
    }
    const fit = fitLogistic(rows, labels, undefined, { l2: 0 });
    expect(fit.weights[0]).toBeCloseTo(3, 0);
    expect(fit.weights[1]).toBeCloseTo(-2, 0);
    expect(fit.intercept).toBeCloseTo(0.5, 0);
    expect(fit.iterations).toBeLessThan(20);
  });

  it('counts a row as often as its weight says', () => {
    const once = fitLogistic([[1], [1], [1], [0]], [1, 1, 0, 0], undefined, { l2: 0.01 });
    const weighted = fitLogistic([[1], [1], [0]], [1, 0, 0], [2, 1, 1], { l2: 0.01 });
    expect(weighted.weights[0]).toBeCloseTo(once.weights[0], 3);
    expect(weighted.intercept).toBeCloseTo(once.intercept, 3);
  });

  it('shrinks weights toward 0 as the penalty grows', () => {
    const rows = [[1], [0], [1], [0]];
    const labels = [1, 0, 1, 0];
    expect(Math.abs(fitLogistic(rows, labels, undefined, { l2: 100 }).weights[0])).toBeLessThan(Math.abs(fitLogistic(rows, labels, undefined, { l2: 0.1 }).weights[0]));
  });
});
