/**
 * Weighted logistic regression with an L2 penalty, fit by Newton's method (iteratively reweighted least squares).
 * Written here rather than taken from a library: the npm packages for it fit by plain gradient descent with a fixed
 * step and iteration count, so their result depends on settings that have nothing to do with the data; Newton's
 * method converges to the one optimum in a few steps, the same on every machine.
 */

export interface LogisticFit {
  weights: number[];
  intercept: number;
  iterations: number;
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the intercept). @defaultValue 1 */
  l2?: number;
  /** Stop when no weight moves more than this. @defaultValue 1e-8 */
  tolerance?: number;
  maxIterations?: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Solves A x = b for a symmetric positive definite A (Cholesky); A and b are not changed. */
export function solveSymmetric(a: number[][], b: number[]): number[] {
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

/**
 * Fits P(y = 1 | x) = σ(w·x + b).
 * @param rows feature vectors, all of one length
 * @param labels 0 or 1 per row
 * @param sampleWeights how much each row counts (default 1)
 */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], sampleWeights?: readonly number[], options: LogisticOptions = {}): LogisticFit {
  const { l2 = 1, tolerance = 1e-8, maxIterations = 50 } = options;
  const d = rows[0]?.length ?? 0;
  // The intercept is the last coordinate of θ.
  const theta = new Array<number>(d + 1).fill(0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    const gradient = new Array<number>(d + 1).fill(0);
    rows.forEach((x, r) => {
      let z = theta[d];
      for (let i = 0; i < d; i++) z += theta[i] * x[i];
      const p = sigmoid(z);
      const w = sampleWeights?.[r] ?? 1;
      const g = w * (p - labels[r]);
      const h = w * Math.max(p * (1 - p), 1e-10);
      for (let i = 0; i <= d; i++) {
        const xi = i === d ? 1 : x[i];
        gradient[i] += g * xi;
        for (let j = 0; j <= i; j++) hessian[i][j] += h * xi * (j === d ? 1 : x[j]);
      }
    });
    for (let i = 0; i <= d; i++) for (let j = 0; j < i; j++) hessian[j][i] = hessian[i][j];
    for (let i = 0; i < d; i++) {
      gradient[i] += l2 * theta[i];
      hessian[i][i] += l2;
    }
    const step = solveSymmetric(hessian, gradient);
    let moved = 0;
    for (let i = 0; i <= d; i++) {
      theta[i] -= step[i];
      moved = Math.max(moved, Math.abs(step[i]));
    }
    if (moved < tolerance) {
      iterations++;
      break;
    }
  }
  return { weights: theta.slice(0, d), intercept: theta[d], iterations };
}
