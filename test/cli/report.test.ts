import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { parseSince, reportCommand } from '../../adapters/cli/report';
import { FIXTURE_LOG, FIXTURE_NOW } from '../questions/helpers';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'network-qa-report-'));
  fs.copyFileSync(FIXTURE_LOG, path.join(dataDir, 'questions.jsonl'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function run(argv: string[], env: NodeJS.ProcessEnv = { DATA_DIR: dataDir }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await reportCommand(argv, { stdout, stderr, env, now: () => FIXTURE_NOW });
  return { code, out, err };
}

describe('network-qa report', () => {
  it('prints the last seven days as text by default, reading DATA_DIR', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Questions since 2024-05-01 12:00 UTC: 9\nAnswer rate: 50% \(small talk not counted\)\nFeedback: 3 up, 1 down \(75% up\)\nLatency: p50 40 ms, p95 80 ms\n/);
    expect(out).toContain('    3x  who founded oasc?\n        also: "Who founded OASC", "who founded the OASC"\n');
    expect(err).toBe('');
  });

  it('prints JSON with --json, and nothing else on stdout', async () => {
    const { code, out } = await run(['--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ since: '2024-05-01T12:00:00.000Z', questions: 9, answerRate: 0.5, feedback: { up: 3, down: 1, ratio: 0.75 }, latencyMs: { p50: 40, p95: 80 } });
    expect(report.needsWork[0]).toEqual({ question: 'who founded oasc?', count: 3, variants: ['Who founded OASC', 'who founded the OASC'] });
  });

  it('accepts --since in days, hours, or as a date, and --data-dir over DATA_DIR', async () => {
    const days = await run(['--since', '30d', '--json', '--data-dir', dataDir], { DATA_DIR: '/nonexistent' });
    expect(JSON.parse(days.out)).toMatchObject({ since: '2024-04-08T12:00:00.000Z', questions: 10 });
    const hours = await run(['--since=12h', '--json']);
    expect(JSON.parse(hours.out)).toMatchObject({ since: '2024-05-08T00:00:00.000Z', questions: 1 });
    const date = await run(['--since', '2024-05-06', '--json']);
    expect(JSON.parse(date.out)).toMatchObject({ since: '2024-05-06T00:00:00.000Z', questions: 4 });
  });

  it("imports an earlier version's question log into the store once, keeps the file renamed, and reports the same", async () => {
    const first = await run(['--json']);
    expect(fs.existsSync(path.join(dataDir, 'questions.jsonl'))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'questions.jsonl.imported'))).toEqual(fs.readFileSync(FIXTURE_LOG));
    expect(fs.readdirSync(dataDir)).toContain('network-qa.db');
    const second = await run(['--json']);
    expect(second.out).toBe(first.out);
  });

  it('reports nothing, and says why, when there is no log yet', async () => {
    const empty = path.join(dataDir, 'empty');
    const { code, out, err } = await run(['--json', '--data-dir', empty]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ questions: 0, answerRate: 0, topQuestions: [], needsWork: [] });
    expect(err).toBe(`Note: no question log in ${empty} yet.\n`);
    expect(fs.existsSync(empty)).toBe(false);
  });

  it('notes that LOG_QUESTIONS is off and still shows what was recorded', async () => {
    const { code, out, err } = await run(['--json'], { DATA_DIR: dataDir, LOG_QUESTIONS: 'off' });
    expect(code).toBe(0);
    expect(JSON.parse(out).questions).toBe(9);
    expect(err).toContain('Note: LOG_QUESTIONS is off, so no new questions are being recorded.\n');
  });

  it('honours LOG_RETENTION_DAYS when reading', async () => {
    const { out } = await run(['--since', '365d', '--json'], { DATA_DIR: dataDir, LOG_RETENTION_DAYS: '7' });
    expect(JSON.parse(out).questions).toBe(9);
  });

  it('prints help with --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await run([flag]);
      expect(code).toBe(0);
      expect(out).toMatch(/^Usage: network-qa report \[--since 7d\] \[--json\] \[--data-dir DIR\]\n/);
      expect(err).toBe('');
    }
  });

  it.each([
    [['--sinse', '7d'], "network-qa report: unknown option '--sinse'"],
    [['-x'], "network-qa report: unknown option '-x'"],
    [['last-week'], "network-qa report: unexpected argument 'last-week'"],
    [['--since'], 'network-qa report: --since needs a value'],
    [['--since', 'a week'], "network-qa report: --since expects a duration such as 7d or 12h, or a date such as 2024-05-01; got 'a week'"],
    [['--since', '7w'], "network-qa report: --since expects a duration such as 7d or 12h, or a date such as 2024-05-01; got '7w'"],
    [['--since', '0d'], "network-qa report: --since must be at least 1d, got '0d'"],
    [['--since', '2024-02-31'], "network-qa report: --since has an impossible date: '2024-02-31'"],
    [['--since', '2030-01-01'], "network-qa report: --since is in the future: '2030-01-01'"],
    [['--data-dir', ''], 'network-qa report: --data-dir needs a folder'],
    [['--json=yes'], "network-qa report: --json does not take a value"],
  ])('refuses %j with exit code 2 and a message naming the problem', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`${message}\nRun 'network-qa report --help' for usage.\n`);
  });

  it('fails with exit code 1 and names the variable when the environment is malformed', async () => {
    const { code, out, err } = await run([], { DATA_DIR: dataDir, LOG_RETENTION_DAYS: 'ninety' });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe("network-qa report: LOG_RETENTION_DAYS must be a whole number of days of at least 1, got 'ninety'\n");
  });

  it('fails with exit code 1 and names the file when the store cannot be opened', async () => {
    const folder = path.join(dataDir, 'blocked');
    fs.mkdirSync(path.join(folder, 'network-qa.db'), { recursive: true });
    const { code, err } = await run(['--data-dir', folder]);
    expect(code).toBe(1);
    expect(err).toMatch(/^network-qa report: Cannot open the store .*blocked\/network-qa\.db: /);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, without showing its password', async () => {
    const { code, err } = await run([], { DATA_DIR: dataDir, DATABASE_URL: 'mysql://bot:hunter2@db/qa' });
    expect(code).toBe(1);
    expect(err).toBe('network-qa report: DATABASE_URL must start with postgres:// or postgresql:// (got mysql://…); leave it empty to use SQLite in DATA_DIR\n');
  });
});

describe('parseSince', () => {
  const now = new Date('2024-05-08T12:00:00.000Z');
  it('reads days, hours, dates and date-times', () => {
    expect(parseSince('7d', now).toISOString()).toBe('2024-05-01T12:00:00.000Z');
    expect(parseSince('36H', now).toISOString()).toBe('2024-05-07T00:00:00.000Z');
    expect(parseSince('2024-05-01', now).toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(parseSince('2024-05-01T08:30:00+02:00', now).toISOString()).toBe('2024-05-01T06:30:00.000Z');
  });
});
