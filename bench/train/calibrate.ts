/**
 * Isotonic calibration (pool adjacent violators): the share right as a non-decreasing function of the raw score,
 * fit on the best candidate of each SQuAD fit question. Read back by `confidenceOf` (src/answer/model.ts), which
 * interpolates linearly between the fitted points.
 */
import type { IsotonicCalibration } from '../../src/answer/model';

/** One question's best candidate: its raw score and whether it was right. */
export interface CalibrationPoint {
  score: number;
  right: boolean;
}

/**
 * Pools neighbouring scores until the share right never falls as the score rises; each pool becomes one point at
 * the middle of its scores.
 * @example fitIsotonic([{ score: -1, right: false }, { score: 0, right: true }, { score: 1, right: false }, { score: 2, right: true }])
 * // { kind: 'isotonic', scores: [-1, 0.5, 2], values: [0, 0.5, 1] }
 */
export function fitIsotonic(points: readonly CalibrationPoint[], minPool = 1): IsotonicCalibration {
  if (!points.length) throw new Error('isotonic calibration needs at least one point');
  const sorted = [...points].sort((a, b) => a.score - b.score);
  const pools: { low: number; high: number; right: number; count: number }[] = [];
  for (const p of sorted) {
    const last = pools[pools.length - 1];
    // Equal scores are one pool whatever their order: the table's scores must rise.
    if (last && last.high === p.score) {
      last.right += p.right ? 1 : 0;
      last.count++;
    } else pools.push({ low: p.score, high: p.score, right: p.right ? 1 : 0, count: 1 });
    // Merge while the pool before is right as often or more: the function must rise.
    while (pools.length > 1) {
      const last = pools[pools.length - 1];
      const before = pools[pools.length - 2];
      if (before.right / before.count < last.right / last.count) break;
      pools.pop();
      before.high = last.high;
      before.right += last.right;
      before.count += last.count;
    }
  }
  // Pools of fewer than `minPool` points join their smaller neighbour: merging neighbours of a rising sequence keeps it rising.
  for (let i = 0; pools.length > 1 && i < pools.length; ) {
    if (pools[i].count >= minPool) {
      i++;
      continue;
    }
    const j = i === 0 ? 1 : i === pools.length - 1 ? i - 1 : pools[i - 1].count <= pools[i + 1].count ? i - 1 : i + 1;
    const [a, b] = [Math.min(i, j), Math.max(i, j)];
    pools.splice(a, 2, { low: pools[a].low, high: pools[b].high, right: pools[a].right + pools[b].right, count: pools[a].count + pools[b].count });
    i = Math.max(0, a - 1);
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const scores: number[] = [];
  const values: number[] = [];
  for (const p of pools) {
    const score = round((p.low + p.high) / 2);
    // Two pools whose middles round alike keep the higher share (the later one): scores must rise strictly.
    if (scores.length && score <= scores[scores.length - 1]) values[values.length - 1] = round(p.right / p.count);
    else {
      scores.push(score);
      values.push(round(p.right / p.count));
    }
  }
  return { kind: 'isotonic', scores, values };
}
