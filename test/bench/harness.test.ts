import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bestSentence, MiniSearchBaseline, miniSearchTerms, sentences, WinkBaseline, winkTerms } from '../../bench/baselines';
import { parseOptions, warmupQuestion } from '../../bench/run';
import { summary } from '../../bench/score';
import { readSquad, writeKnowledge, type BenchCorpus } from '../../bench/squad';
import { checkTargets, formatMarkdown, formatTable, formatTypeTable, writeResults, type BenchResults, type SystemResult } from '../../bench/table';

describe('sentence selection of the baselines', () => {
  it('splits at sentence ends but not after abbreviations, initials or decimals', () => {
    expect(sentences('The U.S. Army won in 1990. Dr. Smith said it was 3.5 km long! Was it? J. R. R. Tolkien wrote "Hobbit." Then he left.')).toEqual([
      'The U.S. Army won in 1990.',
      'Dr. Smith said it was 3.5 km long!',
      'Was it?',
      'J. R. R. Tolkien wrote "Hobbit."',
      'Then he left.',
    ]);
    expect(sentences('no full stop at all')).toEqual(['no full stop at all']);
  });

  it('picks the sentence sharing the most distinct terms with the question, the earliest on a tie', () => {
    const passage = 'Oslo is a city. Oslo City Hall hosts the Nobel Peace Prize. The prize is famous.';
    const question = new Set(winkTerms('Which prize ceremony is held in Oslo City Hall?'));
    expect(bestSentence(passage, question, winkTerms)).toBe('Oslo City Hall hosts the Nobel Peace Prize.');
    expect(bestSentence('One two. Three four.', new Set(['x']), miniSearchTerms)).toBe('One two.');
  });

  it('prepares wink terms as the README pipeline does: lower case, stop words out, stems, negations', () => {
    expect(winkTerms('He did NOT act decisively today')).toEqual(['not', '!act', '!decis', 'today']);
  });
});

describe.each([
  ['minisearch-default', () => new MiniSearchBaseline()],
  ['wink-bm25', () => new WinkBaseline()],
])('the %s baseline', (name, make) => {
  let dir: string;
  let corpus: BenchCorpus;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-baseline-test-'));
    corpus = writeKnowledge(readSquad(join(__dirname, '../fixtures/squad-tiny.json')), join(dir, 'knowledge'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers from the right passage with its best sentence, after a save and load round trip', () => {
    const system = make();
    expect(system.name).toBe(name);
    system.prepare(corpus);
    system.build(corpus);
    const before = system.ask('When was the ETH Zurich founded?');
    system.save(join(dir, `${name}.json`));
    const loaded = make();
    loaded.prepare(corpus);
    loaded.load(join(dir, `${name}.json`));
    const after = loaded.ask('When was the ETH Zurich founded?');
    expect(after).toEqual(before);
    expect(after).toEqual({ reply: 'The ETH Zurich was founded in 1855 by the Swiss federal government.', passageId: '001-zurich.md#9', noAnswer: false });
  });

  it('gives no_answer when no term of the question is indexed', () => {
    const system = make();
    system.prepare(corpus);
    system.build(corpus);
    expect(system.ask('qwertyuiop zxcvbnm')).toEqual({ reply: '', passageId: null, noAnswer: true });
  });
});

describe('the results table', () => {
  const result = (name: string, over: Partial<SystemResult> = {}): SystemResult => ({
    name,
    ...summary([{ reply: 'Oslo', passageId: 'a#7', noAnswer: false, expectedPassageId: 'a#7', answers: ['Oslo'], latencyUs: 200 }]),
    prepareMs: 0,
    buildMs: 1000,
    loadMs: 100,
    indexHeapBytes: 3 * 1048576,
    indexFileBytes: 1000,
    byType: { when: { questions: 2, passageAccuracy: 0.5, answerRecall: 1 } },
    ...over,
  });

  it('aligns every row to the same column positions', () => {
    const lines = formatTable([result('ours'), result('wink-bm25', { answerRecall: 0.663, latencyUs: { p50: 180, p95: 400, p99: 670, mean: 200 } })]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^system\s+passage acc\s+answer recall/);
    expect(lines[3]).toMatch(/^wink-bm25\s+100\.0%\s+66\.3%\s+4\s+0\.0%\s+1000\s+100\s+3\.0\s+180\s+400\s+670$/);
    // Numbers are right-aligned: every cell after the first ends where its header ends.
    const ends = (line: string) => [...line.matchAll(/\S+(?=\s{2}|$)/g)].slice(1).map((m) => m.index! + m[0].length);
    expect(ends(lines[2])).toEqual(ends(lines[0]));
    expect(ends(lines[3])).toEqual(ends(lines[0]));
  });

  it('breaks recall down by question type, one column per system', () => {
    expect(formatTypeTable([result('ours'), result('wink-bm25', { byType: {} })]).split('\n')).toEqual([
      'question type  questions  ours recall (passage)  wink-bm25 recall (passage)',
      'when                   2         100.0% (50.0%)                           -',
    ]);
  });

  it('has a Markdown form with one row per system', () => {
    const md = formatMarkdown([result('ours')]).split('\n');
    expect(md[0].startsWith('| system | passage acc |')).toBe(true);
    expect(md[2].startsWith('| ours | 100.0% | 100.0% |')).toBe(true);
  });

  it("checks issue 3's targets for our system against the baselines of the same run", () => {
    const checks = checkTargets([
      result('ours', { answerRecall: 0.77, passageAccuracy: 0.81, buildMs: 1000, loadMs: 150, latencyUs: { p50: 100, p95: 1, p99: 500, mean: 1 } }),
      result('minisearch-default', { answerRecall: 0.62 }),
      result('wink-bm25', { answerRecall: 0.66, latencyUs: { p50: 180, p95: 1, p99: 670, mean: 1 } }),
    ]);
    expect(checks.map((c) => c.met)).toEqual([true, false, true, true]);
    expect(checkTargets([result('wink-bm25')])).toEqual([]);
  });

  it('writes the JSON, creating its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-table-test-'));
    try {
      const file = join(dir, 'out/deeper/results.json');
      const results = { date: 'd', systems: [result('ours')], targets: [] } as unknown as BenchResults;
      writeResults(file, results);
      expect(existsSync(file)).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8')).systems[0].name).toBe('ours');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('command-line options', () => {
  it('defaults to the shared SQuAD dev file beside the project and bench/out/results.json', () => {
    const o = parseOptions([], '/p/network-qa', '/elsewhere');
    expect(o).toEqual({
      data: '/p/shared/data/squad-dev-v1.1.json',
      limit: undefined,
      seed: undefined,
      systems: ['ours', 'minisearch-default', 'wink-bm25'],
      warmup: 300,
      repeat: 1,
      out: '/p/network-qa/bench/out/results.json',
      markdown: false,
      squad2: '/p/shared/data/squad-dev-v2.0-a.json',
      squad2Only: false,
      help: false,
    });
  });

  it('takes relative paths from the current folder, absolute ones as they are, and seeds a limited run', () => {
    const o = parseOptions(['--data', 'd.json', '--out', '/tmp/r.json', '--limit', '50', '--systems', 'ours,wink-bm25'], '/p/q', '/cwd');
    expect([o.data, o.out, o.limit, o.seed, o.systems]).toEqual(['/cwd/d.json', '/tmp/r.json', 50, 1, ['ours', 'wink-bm25']]);
    expect(parseOptions(['--details', 'out/d.jsonl'], '/p/q', '/cwd').details).toBe('/cwd/out/d.jsonl');
  });

  it.each([
    [['--limit', '0'], '--limit must be an integer >= 1, got "0"'],
    [['--seed', '1.5'], '--seed must be an integer >= 0, got "1.5"'],
    [['--repeat', '0'], '--repeat must be an integer >= 1, got "0"'],
    [['--systems', 'ours,lucene'], '--systems: unknown system "lucene"'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['extra'], 'extra'],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseOptions(argv, '/p', '/c')).toThrow(message);
  });

  it('warms up with the question words reversed, so the measured questions are not asked twice', () => {
    expect(warmupQuestion('Who won the game?')).toBe('game? the won Who');
  });
});
