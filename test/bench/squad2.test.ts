import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseOptions } from '../../bench/run';
import { BenchError, writeKnowledge } from '../../bench/squad';
import { parseSquad2, readSquad2, splitArticles, writeSquad2Knowledge } from '../../bench/squad2';
import { formatSquad2Table, outcomeOf, runSquad2, type Squad2Results } from '../../bench/squad2-run';
import {
  binOf,
  expectedCalibrationError,
  neverAnswerAccuracy,
  reliability,
  summariseV2,
  thresholdAccuracy,
  tuneThreshold,
  type ScoredQuestion,
  type V2Outcome,
} from '../../bench/squad2-score';

const FIXTURE = join(__dirname, '../fixtures/squad2-tiny.json');

function errorOf(run: () => unknown): BenchError {
  try {
    run();
  } catch (error) {
    if (error instanceof BenchError) return error;
    throw error;
  }
  throw new Error('expected a BenchError');
}

describe('reading a SQuAD v2 file', () => {
  it('reads answerable and unanswerable questions with their plausible answers', () => {
    const articles = readSquad2(FIXTURE);
    expect(articles.map((a) => a.title)).toEqual(['Zürich', 'Oslo_(city)', 'Lyon', 'Gdańsk']);
    expect(articles[0].paragraphs[0].qas).toEqual([
      { id: 'z1', question: 'What is the largest city in Switzerland?', answers: ['Zürich'], isImpossible: false, plausibleAnswers: [] },
      { id: 'z2', question: 'What is the smallest city in Switzerland?', answers: [], isImpossible: true, plausibleAnswers: ['Zürich'] },
    ]);
    // o4 is unanswerable without plausible answers.
    expect(articles[1].paragraphs[1].qas[1]).toMatchObject({ id: 'o4', answers: [], isImpossible: true, plausibleAnswers: [] });
  });

  const doc = (qa: object): string => JSON.stringify({ data: [{ title: 'A', paragraphs: [{ context: 'Text.', qas: [qa] }] }] });
  const at = 'v2.json: data[0].paragraphs[0].qas[0]';

  it.each([
    [{ question: 'Q?', answers: [] }, `${at}.is_impossible: missing or not a boolean`],
    [{ question: 'Q?', answers: [{ text: 'x' }], is_impossible: true }, `${at}.answers: not empty although is_impossible is true`],
    [{ question: 'Q?', answers: [], is_impossible: false }, `${at}.answers: empty although is_impossible is false`],
    [{ question: 'Q?', answers: [], is_impossible: true, plausible_answers: [{ text: 3 }] }, `${at}.plausible_answers[0].text: not a string`],
    [{ question: 7, answers: [], is_impossible: true }, `${at}.question: not a string`],
  ])('names the file and JSON path of a malformed question (%j)', (qa, message) => {
    const error = errorOf(() => parseSquad2(doc(qa), 'v2.json'));
    expect(error.code).toBe('bench_data_invalid');
    expect(error.message).toBe(`${message} (expected SQuAD v2.0 format)`);
  });

  it('says which file is not JSON, has no data or cannot be read', () => {
    expect(errorOf(() => parseSquad2('{', 'broken.json')).message).toMatch(/^broken\.json: not valid JSON/);
    expect(errorOf(() => parseSquad2('{"data": {}}', 'x.json')).message).toBe('x.json: top level: no "data" array (expected SQuAD v2.0 format)');
    const unreadable = errorOf(() => readSquad2('/nonexistent/v2.json'));
    expect(unreadable.code).toBe('bench_data_invalid');
    expect(unreadable.message).toMatch(/^\/nonexistent\/v2\.json: cannot read the SQuAD v2 file/);
  });
});

describe('splitting articles into fit and check', () => {
  it('puts even file positions in fit and odd ones in check, keeping file order', () => {
    const { fit, check } = splitArticles(readSquad2(FIXTURE));
    expect(fit.map((a) => a.title)).toEqual(['Zürich', 'Lyon']);
    expect(check.map((a) => a.title)).toEqual(['Oslo_(city)', 'Gdańsk']);
  });

  it('splits an odd number of articles with one more in fit, and does not modify its input', () => {
    const input = ['a', 'b', 'c', 'd', 'e'];
    expect(splitArticles(input)).toEqual({ fit: ['a', 'c', 'e'], check: ['b', 'd'] });
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(splitArticles([])).toEqual({ fit: [], check: [] });
  });
});

describe('writing v2 articles as a knowledge folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-squad2-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same documents as the v1 bench and maps every question, unanswerable too, to its passage', () => {
    const { check } = splitArticles(readSquad2(FIXTURE));
    const data = writeSquad2Knowledge(check, join(dir, 'v2'));
    const v1 = writeKnowledge(check, join(dir, 'v1'));
    expect(readdirSync(join(dir, 'v2'))).toEqual(readdirSync(join(dir, 'v1')));
    expect(data.corpus.passages.map((p) => p.id)).toEqual(v1.passages.map((p) => p.id));
    expect(data.questions.map((q) => [q.id, q.answerable, q.passageId])).toEqual([
      ['o1', true, '001-oslo-city.md#7'],
      ['o2', false, '001-oslo-city.md#7'],
      ['o3', true, '001-oslo-city.md#9'],
      ['o4', false, '001-oslo-city.md#9'],
      ['g1', true, '002-gdansk.md#7'],
      ['g2', false, '002-gdansk.md#7'],
      ['g3', true, '002-gdansk.md#9'],
    ]);
  });
});

describe('v2 scoring', () => {
  const o = (answerable: boolean, answers: string[], status: V2Outcome['status'], reply: string, confidence: number | null): V2Outcome => ({
    answerable,
    answers,
    status,
    reply,
    confidence,
  });
  const outcomes: V2Outcome[] = [
    o(true, ['Paris'], 'answered', 'It is Paris.', 0.95), // right
    o(true, ['1855'], 'answered', 'In 1860.', 0.92), // wrong answer
    o(true, ['Oslo'], 'no_answer', '', 0.1), // missed
    o(false, [], 'no_answer', '', 0), // abstained: correct
    o(false, [], 'answered', 'Something.', 0.35), // answered an unanswerable question
    o(false, [], 'chitchat', 'Hello!', 1), // chitchat is not an abstention
    o(true, ['Zürich'], 'answered', 'ZURICH is big', 0.31), // right once folded
    o(true, ['Oslo'], 'chitchat', 'Oslo!', 1), // chitchat is not an answer either
  ];

  it('counts right answers to answerable questions and no_answer to unanswerable ones, over all questions', () => {
    const s = summariseV2(outcomes);
    expect(s).toMatchObject({ questions: 8, answerable: 5, unanswerable: 3, answered: 4, highConfidenceAnswered: 2 });
    expect(s.overall).toBeCloseTo(3 / 8, 12);
    expect(s.answerableRecall).toBeCloseTo(2 / 5, 12);
    expect(s.unanswerableAbstention).toBeCloseTo(1 / 3, 12);
    expect(s.precisionAtHighConfidence).toBeCloseTo(1 / 2, 12);
  });

  it('bins only answered replies and weighs the calibration gap by bin count', () => {
    const s = summariseV2(outcomes);
    const used = s.reliability.filter((b) => b.count > 0);
    expect(used.map((b) => [b.from, b.count])).toEqual([
      [0.3, 2],
      [0.9, 2],
    ]);
    expect(used[0].meanConfidence).toBeCloseTo(0.33, 12);
    expect(used[1].meanConfidence).toBeCloseTo(0.935, 12);
    expect(used.map((b) => b.shareRight)).toEqual([0.5, 0.5]);
    // 2/4 × |0.33 − 0.5| + 2/4 × |0.935 − 0.5|
    expect(s.ece).toBeCloseTo(0.3025, 12);
  });

  it('computes ECE on hand-worked numbers, and 0 when confidence matches the share right', () => {
    const bins = reliability([
      { confidence: 0.2, right: true },
      { confidence: 0.2, right: false },
      { confidence: 0.25, right: false },
      { confidence: 0.8, right: true },
      { confidence: 1.0, right: true },
    ]);
    expect(bins.map((b) => b.count)).toEqual([0, 0, 3, 0, 0, 0, 0, 0, 1, 1]);
    // 3/5 × |0.21667 − 1/3| + 1/5 × |0.8 − 1| + 1/5 × |1 − 1|
    expect(expectedCalibrationError(bins)).toBeCloseTo(0.11, 12);
    const calibrated = reliability([
      { confidence: 0.5, right: true },
      { confidence: 0.5, right: false },
      { confidence: 1, right: true },
    ]);
    expect(expectedCalibrationError(calibrated)).toBe(0);
    expect(expectedCalibrationError(reliability([]))).toBeNaN();
  });

  it('puts a confidence on a bin boundary in the upper bin, and 1.0 in the last', () => {
    expect([0, 0.1, 0.3, 0.7, 0.9, 0.999, 1, 1.2, -0.1].map((c) => binOf(c))).toEqual([0, 1, 3, 7, 9, 9, 9, 9, 0]);
  });

  it('leaves precision and ECE undefined (NaN) for a system without confidence', () => {
    const s = summariseV2([o(true, ['a'], 'answered', 'a', null), o(false, [], 'no_answer', '', null)]);
    expect(s.overall).toBe(1);
    expect(s.precisionAtHighConfidence).toBeNaN();
    expect(s.ece).toBeNaN();
    expect(formatSquad2Table([{ name: 'x', ...s }]).split('\n')[2]).toMatch(/^x\s+100\.0%\s+100\.0%\s+100\.0%\s+-\s+-$/);
  });

  it('gives never-answer the share of unanswerable questions', () => {
    const never = summariseV2(outcomes.map((x) => ({ ...x, status: 'no_answer' as const, reply: '' })));
    expect(never.overall).toBeCloseTo(3 / 8, 12);
    expect(neverAnswerAccuracy(outcomes)).toBeCloseTo(3 / 8, 12);
    expect(never.unanswerableAbstention).toBe(1);
  });

  it("takes a reply's own status, else answered or no_answer, and its confidence when given", () => {
    const q = { id: 'q', question: 'Q?', answers: ['a'], answerable: true, passageId: 'f#7' };
    expect(outcomeOf(q, { reply: 'a', passageId: null, noAnswer: false })).toMatchObject({ status: 'answered', confidence: null });
    expect(outcomeOf(q, { reply: '', passageId: null, noAnswer: true })).toMatchObject({ status: 'no_answer' });
    expect(outcomeOf(q, { reply: 'hi', passageId: null, noAnswer: false, status: 'chitchat', confidence: 0.7 })).toMatchObject({ status: 'chitchat', confidence: 0.7 });
  });
});

describe('tuning a score threshold', () => {
  const q = (score: number | null, answerable: boolean, right: boolean): ScoredQuestion => ({ score, answerable, right });
  // Scores 1..5 give the thresholds 1, 2, 3, 4, 5 at percentiles 0, 25, 50, 75, 100 (nearest rank).
  const items = [q(1, true, false), q(2, false, false), q(3, true, true), q(4, true, true), q(null, false, false), q(5, true, false)];

  it('scores each threshold by overall accuracy (nothing matched means no answer)', () => {
    expect([1, 2, 3, 4, 5, 6].map((t) => thresholdAccuracy(items, t) * 6)).toEqual([3, 3, 4, 3, 2, 2]);
  });

  it('picks the grid point with the best accuracy', () => {
    const fit = tuneThreshold(items, [0, 25, 50, 75, 100]);
    expect(fit).toMatchObject({ quantile: 50, threshold: 3 });
    expect(fit.accuracy).toBeCloseTo(4 / 6, 12);
    expect(fit.grid.map((g) => g.threshold)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the first of tied grid points', () => {
    const tied = [q(1, true, true), ...items.slice(1)]; // thresholds 1 and 3 now both reach 4/6
    expect(tuneThreshold(tied, [0, 50]).threshold).toBe(1);
    expect(tuneThreshold(tied, [50, 0]).threshold).toBe(3);
  });

  it('refuses to tune without any matched score', () => {
    expect(() => tuneThreshold([q(null, true, false)])).toThrow(RangeError);
  });
});

describe('options', () => {
  it('reads the v2 file from beside the project by default, from the current folder when given, and skips it on request', () => {
    expect(parseOptions([], '/p/network-qa', '/cwd').squad2).toBe(resolve('/p/shared/data/squad-dev-v2.0-a.json'));
    expect(parseOptions(['--squad2', 'd/v2.json'], '/p/network-qa', '/cwd').squad2).toBe('/cwd/d/v2.json');
    expect(parseOptions(['--no-squad2'], '/p/network-qa', '/cwd').squad2).toBeNull();
    expect(errorOf(() => parseOptions(['--no-squad2', '--squad2', 'x.json'], '/p', '/cwd')).code).toBe('bench_usage');
  });
});

describe('the v2 run on the tiny fixture', () => {
  let work: string;
  let results: Squad2Results;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bench-squad2-run-'));
    results = await runSquad2({ file: FIXTURE, systems: ['ours', 'wink-bm25'], work }, () => undefined);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('scores every check question and only those, with wink tuned on the fit questions', () => {
    expect(results.articles).toEqual({ fit: 2, check: 2 });
    expect(results.questions).toEqual({ fit: 6, check: 7, checkAnswerable: 4, checkUnanswerable: 3 });
    expect(results.rows.map((r) => [r.name, r.questions])).toEqual([
      ['ours', 7],
      ['wink-bm25+threshold', 7],
      ['never-answer', 7],
    ]);
    expect(results.rows[2].overall).toBeCloseTo(3 / 7, 12);
    expect(results.winkThreshold?.grid).toHaveLength(21);
  });

  it('reports a confidence-based precision and ECE for ours only', () => {
    const [ours, wink] = results.rows;
    expect(ours.reliability.reduce((n, b) => n + b.count, 0)).toBe(ours.answered);
    expect(wink.ece).toBeNaN();
  });
});
