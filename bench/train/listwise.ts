/**
 * The answer model's fit: a conditional logit over each question's candidates plus a "no answer" option, with a
 * smaller share of a per-candidate logistic loss.
 *
 * A question's candidates compete: P(candidate i) = e^{s_i} / (1 + Σ_j e^{s_j}) with s = w·x + b, and the 1 is the
 * no-answer option, whose score is fixed at 0. A question is fit toward its right candidates (all of them together),
 * or toward no answer when none is right (unanswerable, or no candidate holds the answer). So one score both picks
 * the sentence (it is compared with the question's other candidates) and says whether to answer at all (it is
 * compared with 0), as SQuAD 2.0 readers do with their null score. The per-candidate term (each candidate right or
 * not on its own, σ(s)) keeps a score meaningful across questions, which is what the threshold compares.
 *
 * Fit by Newton steps with step halving: the Hessian used is the covariance of the features under the model (it
 * leaves out the target's own spread when a question has several right candidates) plus the logistic term's, which
 * is positive definite with the L2 penalty, so every step goes downhill and the fit is the same on every machine.
 */

export interface ListwiseGroup {
  /** The candidates' feature vectors, all of one length. */
  rows: readonly (readonly number[])[];
  /** 1 for a right candidate, 0 otherwise; all 0 when the question should get no answer. */
  labels: readonly number[];
  /** How much the question counts. @defaultValue 1 */
  weight?: number;
}

export interface ListwiseFit {
  weights: number[];
  intercept: number;
  iterations: number;
  /** Whether the fit stopped at the optimum (a full Newton step under the tolerance, or none lowering the loss) before the iterations ran out. */
  converged: boolean;
}

export interface ListwiseOptions {
  /** L2 penalty on the weights (not the intercept). @defaultValue 1 */
  l2?: number;
  /** Weight of the per-candidate logistic loss beside the listwise one (0: listwise only). @defaultValue 0 */
  pointwise?: number;
  /** Stop when no weight moves more than this. @defaultValue 1e-7 */
  tolerance?: number;
  maxIterations?: number;
}

/** Solves A x = b for a symmetric positive definite A (Cholesky); A and b are not changed. */
export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
      else l[i][j] = sum / l[j][j];
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * y[k];
    y[i] = sum / l[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
    x[i] = sum / l[i][i];
  }
  return x;
}

/** log Σ e^{v} over `values` and, when `withNull`, the no-answer option's 0; computed without overflow. */
function logSumExp(values: readonly number[], withNull: boolean): number {
  let max = withNull ? 0 : -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = withNull ? Math.exp(-max) : 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** Scores of a group's candidates under θ (weights, then the intercept last). */
function scoresOf(rows: ListwiseGroup['rows'], theta: readonly number[]): number[] {
  const d = theta.length - 1;
  return rows.map((x) => {
    let z = theta[d];
    for (let i = 0; i < d; i++) z += theta[i] * x[i];
    return z;
  });
}

/** −log σ(z) for a right candidate, −log(1 − σ(z)) for a wrong one, without overflow. */
function logisticLoss(z: number, label: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - label * z;
}

/** The penalised negative log-likelihood the fit minimises. */
function loss(groups: readonly ListwiseGroup[], theta: readonly number[], l2: number, pointwise: number): number {
  let total = 0;
  for (const g of groups) {
    const s = scoresOf(g.rows, theta);
    const right = s.filter((_, i) => g.labels[i] === 1);
    let candidates = 0;
    if (pointwise) s.forEach((z, i) => (candidates += logisticLoss(z, g.labels[i])));
    total += (g.weight ?? 1) * (logSumExp(s, true) - (right.length ? logSumExp(right, false) : 0) + pointwise * candidates);
  }
  for (let i = 0; i < theta.length - 1; i++) total += 0.5 * l2 * theta[i] * theta[i];
  return total;
}

/**
 * Fits the candidate score s = w·x + b so that each question's right candidates, or its no-answer option, win.
 * Groups without candidates say nothing and are skipped.
 */
export function fitListwise(groups: readonly ListwiseGroup[], options: ListwiseOptions = {}): ListwiseFit {
  const { l2 = 1, pointwise = 0, tolerance = 1e-7, maxIterations = 100 } = options;
  const used = groups.filter((g) => g.rows.length > 0);
  const d = used[0]?.rows[0]?.length ?? 0;
  let theta = new Array<number>(d + 1).fill(0);
  let current = loss(used, theta, l2, pointwise);
  // A feature that is NaN or infinite would stop every step at the first: say so rather than return zeros.
  if (!Number.isFinite(current)) throw new Error('listwise fit: the loss is not finite at 0 (a feature is NaN or infinite)');
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (const g of used) {
      const weight = g.weight ?? 1;
      const s = scoresOf(g.rows, theta);
      const logZ = logSumExp(s, true);
      const p = s.map((v) => Math.exp(v - logZ));
      const right = s.filter((_, i) => g.labels[i] === 1);
      const logR = right.length ? logSumExp(right, false) : 0;
      // The target: the right candidates in proportion to their current odds, or nothing (the no-answer option).
      const q = s.map((v, i) => (right.length && g.labels[i] === 1 ? Math.exp(v - logR) : 0));
      // The options' mean feature vector under the model (the no-answer option's is 0).
      const mean = new Array<number>(d + 1).fill(0);
      g.rows.forEach((x, j) => {
        for (let i = 0; i <= d; i++) mean[i] += p[j] * (i === d ? 1 : x[i]);
      });
      const pNull = Math.exp(-logZ);
      g.rows.forEach((x, j) => {
        // The listwise term's gradient and its covariance, summed about the mean (Σp(x−μ)(x−μ)ᵀ + p₀μμᵀ rather than
        // Σpxxᵀ − μμᵀ, which cancels to noise when one option takes nearly all the probability); and the
        // per-candidate term's gradient and curvature.
        const sigma = pointwise ? 1 / (1 + Math.exp(-s[j])) : 0;
        const c = weight * (p[j] - q[j] + pointwise * (sigma - g.labels[j]));
        const pw = weight * p[j];
        const cw = weight * pointwise * Math.max(sigma * (1 - sigma), 1e-10);
        for (let i = 0; i <= d; i++) {
          const xi = i === d ? 1 : x[i];
          const ci = xi - mean[i];
          gradient[i] += c * xi;
          for (let k = 0; k <= i; k++) {
            const xk = k === d ? 1 : x[k];
            hessian[i][k] += pw * ci * (xk - mean[k]) + cw * xi * xk;
          }
        }
      });
      for (let i = 0; i <= d; i++) for (let k = 0; k <= i; k++) hessian[i][k] += weight * pNull * mean[i] * mean[k];
    }
    for (let i = 0; i <= d; i++) for (let k = 0; k < i; k++) hessian[k][i] = hessian[i][k];
    for (let i = 0; i < d; i++) {
      gradient[i] += l2 * theta[i];
      hessian[i][i] += l2;
    }
    // The intercept is not penalised; a tiny ridge keeps its row solvable when every group has one candidate.
    hessian[d][d] += 1e-9;
    const step = solveSymmetric(hessian, gradient);
    let size = 1;
    let next = theta;
    for (; size > 1e-6; size /= 2) {
      next = theta.map((v, i) => v - size * step[i]);
      const value = loss(used, next, l2, pointwise);
      if (value <= current) {
        current = value;
        break;
      }
    }
    // No step along the Newton direction lowers the loss: the optimum, to floating-point precision.
    if (size <= 1e-6) {
      converged = true;
      break;
    }
    theta = next;
    // Converged when the full Newton step is small, not the halved one: a halved step can be small far from the optimum.
    if (Math.max(...step.map(Math.abs)) < tolerance) {
      iterations++;
      converged = true;
      break;
    }
  }
  return { weights: theta.slice(0, d), intercept: theta[d], iterations, converged };
}
