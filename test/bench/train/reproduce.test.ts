/**
 * `npm run train` reproduces the committed model from the public data (issue 9). Needs ../shared/data beside the
 * project (SQuAD v2.0 dev half A); where it is absent the test says so and is skipped.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../../bench/train/run';
import type { AnswerModel } from '../../../src/answer/model';

const DATA = resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'squad-dev-v2.0-a.json');
const COMMITTED = resolve(__dirname, '..', '..', '..', 'src', 'answer', 'model', 'weights.json');
const maybe = existsSync(DATA) ? describe : describe.skip;

maybe(`npm run train (skipped without ${DATA})`, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'network-qa-train-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fits the same weights, calibration and threshold as the committed model', async () => {
    const out = join(dir, 'weights.json');
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await main(['--squad2', DATA, '--out', out])).toBe(0);
    } finally {
      log.mockRestore();
    }
    const fresh = JSON.parse(readFileSync(out, 'utf8')) as AnswerModel;
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as AnswerModel;
    expect(fresh.features).toEqual(committed.features);
    fresh.weights.forEach((w, i) => expect(w).toBeCloseTo(committed.weights[i], 4));
    expect(fresh.intercept).toBeCloseTo(committed.intercept, 4);
    expect(fresh.calibration.scores.length).toBe(committed.calibration.scores.length);
    fresh.calibration.scores.forEach((x, i) => expect(x).toBeCloseTo(committed.calibration.scores[i], 4));
    fresh.calibration.values.forEach((y, i) => expect(y).toBeCloseTo(committed.calibration.values[i], 4));
    expect(fresh.threshold).toBe(committed.threshold);
  }, 120_000);
});
