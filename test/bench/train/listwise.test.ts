import { fitListwise, solveSymmetric, type ListwiseGroup } from '../../../bench/train/listwise';
import { seededRandom } from '../../../bench/squad';

/** Questions of `size` candidates each, one of them right with probability e^{s_i} / (1 + Σ e^{s_j}), else none. */
function simulate(count: number, size: number, weights: number[], intercept: number, random: () => number): ListwiseGroup[] {
  const groups: ListwiseGroup[] = [];
  for (let n = 0; n < count; n++) {
    const rows = Array.from({ length: size }, () => weights.map(() => random() * 2 - 1));
    const odds = rows.map((x) => Math.exp(x.reduce((z, v, i) => z + weights[i] * v, intercept)));
    let pick = random() * (1 + odds.reduce((a, b) => a + b, 0)) - 1;
    let right = -1;
    for (let i = 0; i < size && pick >= 0; i++) {
      pick -= odds[i];
      if (pick < 0) right = i;
    }
    groups.push({ rows, labels: rows.map((_, i) => (i === right ? 1 : 0)) });
  }
  return groups;
}

describe('listwise fit with a no-answer option', () => {
  it('solves a symmetric positive definite system', () => {
    const x = solveSymmetric([[4, 1], [1, 3]], [1, 2]);
    expect(x[0]).toBeCloseTo(1 / 11);
    expect(x[1]).toBeCloseTo(7 / 11);
  });

  it('recovers the weights and the intercept that generated the data', () => {
    const fit = fitListwise(simulate(3000, 4, [3, -2], 0.5, seededRandom(7)), { l2: 0 });
    expect(fit.weights[0]).toBeCloseTo(3, 0);
    expect(fit.weights[1]).toBeCloseTo(-2, 0);
    expect(fit.intercept).toBeCloseTo(0.5, 0);
    expect(fit.iterations).toBeLessThan(30);
    expect(fit.converged).toBe(true);
  });

  it('refuses a feature that is not a number rather than return a model of zeros', () => {
    expect(() => fitListwise([{ rows: [[Number.NaN], [1]], labels: [1, 0] }])).toThrow(/not finite/);
  });

  it('is a logistic regression when each question has one candidate, with or without the per-candidate share', () => {
    // One candidate against no answer: P = e^s / (1 + e^s), the logistic model, which the per-candidate term shares.
    const groups = simulate(4000, 1, [3, -2], 0.5, seededRandom(11));
    for (const pointwise of [0, 1]) {
      const fit = fitListwise(groups, { l2: 0, pointwise });
      expect(fit.weights[0]).toBeCloseTo(3, 0);
      expect(fit.weights[1]).toBeCloseTo(-2, 0);
      expect(fit.intercept).toBeCloseTo(0.5, 0);
    }
  });

  it('learns how often a question has no answer: the mean no-answer probability is the share of questions without one', () => {
    // The intercept is not penalised, so at the optimum Σ(P(answer) − [a right candidate]) = 0 over the questions.
    const random = seededRandom(3);
    const groups: ListwiseGroup[] = Array.from({ length: 300 }, (_, n) => {
      const rows = [[random()], [random() - 1], [random() - 1]];
      return { rows, labels: rows.map((_, i) => (i === 0 && n % 10 < 3 ? 1 : 0)) };
    });
    const fit = fitListwise(groups, { l2: 1 });
    const noAnswer = (rows: readonly (readonly number[])[]) =>
      1 / (1 + rows.reduce((sum, x) => sum + Math.exp(fit.weights[0] * x[0] + fit.intercept), 0));
    const mean = groups.reduce((sum, g) => sum + noAnswer(g.rows), 0) / groups.length;
    expect(fit.converged).toBe(true);
    expect(mean).toBeCloseTo(0.7, 4);
    // The marked candidate rises above the others, so it answers when one of them is right.
    expect(fit.weights[0]).toBeGreaterThan(0);
  });

  it('answers when the right candidate stands out, and converges when it takes nearly all the probability', () => {
    const random = seededRandom(9);
    // Half the questions have a right candidate far above the rest; the other half none.
    const groups: ListwiseGroup[] = Array.from({ length: 60 }, (_, n) => ({
      rows: [[(n % 2 ? 30 : 0) + random()], [random()], [random()]],
      labels: [n % 2, 0, 0],
    }));
    const fit = fitListwise(groups, { l2: 0.01 });
    expect(fit.converged).toBe(true);
    const best = fit.weights[0] * 30 + fit.intercept;
    expect(1 / (1 + Math.exp(best))).toBeLessThan(0.01);
    expect(fit.weights.every(Number.isFinite) && Number.isFinite(fit.intercept)).toBe(true);
  });

  it('ranks by what tells candidates of one question apart, not by what all of them share', () => {
    // Feature 0 marks the right candidate; feature 1 is the same for every candidate of a question.
    const groups: ListwiseGroup[] = [0, 1, 0, 1].map((shared) => ({ rows: [[1, shared], [0, shared], [0, shared]], labels: [1, 0, 0] }));
    const fit = fitListwise(groups, { l2: 0.1 });
    expect(fit.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(fit.weights[1])).toBeLessThan(fit.weights[0]);
  });

  it('counts a question as often as its weight says', () => {
    const a: ListwiseGroup = { rows: [[1], [0]], labels: [1, 0] };
    const b: ListwiseGroup = { rows: [[1], [0]], labels: [0, 0] };
    const twice = fitListwise([a, a, b], { l2: 0.01 });
    const weighted = fitListwise([{ ...a, weight: 2 }, b], { l2: 0.01 });
    expect(weighted.weights[0]).toBeCloseTo(twice.weights[0], 3);
    expect(weighted.intercept).toBeCloseTo(twice.intercept, 3);
  });

  it('skips questions without candidates and shrinks weights as the penalty grows', () => {
    const groups: ListwiseGroup[] = [{ rows: [], labels: [] }, ...simulate(300, 3, [2], 0, seededRandom(5))];
    const loose = fitListwise(groups, { l2: 0.1 });
    const tight = fitListwise(groups, { l2: 100 });
    expect(Number.isFinite(loose.weights[0])).toBe(true);
    expect(Math.abs(tight.weights[0])).toBeLessThan(Math.abs(loose.weights[0]));
  });
});
