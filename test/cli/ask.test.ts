/** `network-qa ask`: single questions, the --json --batch protocol the scorer reads, bad lines, flags and help. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { BUNDLED_KNOWLEDGE, CITYNET_KNOWLEDGE, makeTempDir, removeDir } from '../core/helpers';
import { runCli } from './helpers';

const ANSWER_FIELDS = ['id', 'question', 'status', 'answer', 'sources', 'passage', 'confidence', 'ms'];
const SOURCE_FIELDS = ['title', 'file', 'heading', 'line'];

let tmp: string;
let dataDir: string;
let env: NodeJS.ProcessEnv;
const bundled = loadKnowledge(BUNDLED_KNOWLEDGE);

beforeAll(() => {
  tmp = makeTempDir('network-qa-cli-ask-');
  dataDir = join(tmp, 'data');
  env = { KNOWLEDGE_DIR: BUNDLED_KNOWLEDGE, DATA_DIR: dataDir };
});
afterAll(() => removeDir(tmp));

const jsonLines = (out: string) => out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('ask QUESTION', () => {
  it('prints the answer and where it comes from', async () => {
    const { code, out, err } = await runCli(['ask', 'Who', 'is', 'the', 'vice', 'chair?'], env);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Laia Bonet');
    expect(out).toMatch(/Source: EUROCITIES Knowledge Society forum › People \(knowledge-society-forum\.md, line \d+\)/);
  });

  it('prints whom to ask when the documents do not answer', async () => {
    const { code, out } = await runCli(['ask', 'What is the capital of France?'], env);
    expect(code).toBe(0);
    expect(out).toContain('Federica Bordelot');
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await runCli(['ask', '--json', 'Is Helsinki a member?'], env);
    expect(code).toBe(0);
    const [line, ...rest] = jsonLines(out);
    expect(rest).toEqual([]);
    expect(Object.keys(line)).toEqual(ANSWER_FIELDS);
    expect(line).toMatchObject({ id: null, question: 'Is Helsinki a member?', status: 'answered' });
  });

  it('reads the knowledge folder from --knowledge over KNOWLEDGE_DIR', async () => {
    const { code, out } = await runCli(['ask', '--knowledge', CITYNET_KNOWLEDGE, 'Who is the treasurer?'], env);
    expect(code).toBe(0);
    expect(out).toContain('Jonas Feldtmann');
  });

  it('saves the index in DATA_DIR and records no question', async () => {
    await runCli(['ask', 'hello'], env);
    expect(readdirSync(dataDir)).toEqual(['index.json']);
  });

  it('exits 2 and explains when no question is given', async () => {
    const { code, out, err } = await runCli(['ask'], env);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^network-qa ask: give a question, or use --batch/);
  });

  it('exits 1 naming the folder when the knowledge folder does not exist', async () => {
    const missing = join(tmp, 'no-such-knowledge');
    const { code, out, err } = await runCli(['ask', '--knowledge', missing, 'hello'], env);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(missing);
  });

  it('exits 1 naming the variable when the configuration is malformed', async () => {
    const { code, err } = await runCli(['ask', 'hello'], { ...env, LOG_QUESTIONS: 'maybe' });
    expect(code).toBe(1);
    expect(err).toContain('LOG_QUESTIONS');
  });
});

describe('ask --json --batch', () => {
  const input = [
    'Who is the vice chair?',
    '{"id": "q-member", "question": "Is Helsinki a member?"}',
    '{"id": "q-bad", "question": ',
    '{"id": 7}',
    '',
    '{"id": "q-number", "question": 42}',
    '{"id": "q-null", "question": null}',
    'hello',
    '{"id": "q-out", "question": "What is the capital of France?"}',
    '   ',
    '{"id": 12, "question": "How many members does the forum have?"}',
  ].join('\n');
  let run: Awaited<ReturnType<typeof runCli>>;
  let lines: Record<string, unknown>[];

  beforeAll(async () => {
    run = await runCli(['ask', '--json', '--batch'], env, `${input}\n`);
    lines = jsonLines(run.out);
  });

  it('exits 0 and writes only JSON lines on stdout, one per non-blank input line', () => {
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(9);
  });

  it('answers plain-text lines, using the line number as id', () => {
    expect(lines[0]).toMatchObject({ id: 1, question: 'Who is the vice chair?', status: 'answered' });
    expect(lines[6]).toMatchObject({ id: 8, question: 'hello', status: 'chitchat' });
  });

  it('answers JSON lines, keeping their id', () => {
    expect(lines[1]).toMatchObject({ id: 'q-member', question: 'Is Helsinki a member?', status: 'answered' });
    expect(lines[7]).toMatchObject({ id: 'q-out', status: 'no_answer' });
    expect(lines[8]).toMatchObject({ id: 12, status: 'answered' });
  });

  it('writes exactly the protocol fields for every answer, sources with title, file, heading and line', () => {
    for (const line of lines.filter((l) => l.status !== 'error')) {
      expect(Object.keys(line)).toEqual(ANSWER_FIELDS);
      expect(typeof line.answer).toBe('string');
      expect(typeof line.passage).toBe('string');
      expect(line.confidence).toEqual(expect.any(Number));
      expect(Number.isFinite(line.ms) && (line.ms as number) >= 0).toBe(true);
      for (const source of line.sources as Record<string, unknown>[]) expect(Object.keys(source)).toEqual(SOURCE_FIELDS);
    }
  });

  it('gives the full text of the passage the answer came from', () => {
    for (const line of lines.filter((l) => l.status === 'answered')) {
      const [source] = line.sources as { file: string; line: number }[];
      const passage = bundled.passages.find((p) => p.source.file === source.file && p.source.line === source.line);
      expect(line.passage).toBe(passage?.text);
    }
    expect(lines[7]).toMatchObject({ sources: [], passage: '', confidence: 0 });
  });

  it('answers a bad JSON line with status "error" and a message naming the line, keeping the id it can read', () => {
    expect(lines[2]).toEqual({ id: 'q-bad', status: 'error', message: expect.stringMatching(/^line 3: not valid JSON/) });
  });

  it('answers a line without a string "question" with status "error"', () => {
    expect(lines[3]).toEqual({ id: 7, status: 'error', message: 'line 4: "question" must be a string' });
    expect(lines[4]).toEqual({ id: 'q-number', status: 'error', message: 'line 6: "question" must be a string' });
    expect(lines[5]).toEqual({ id: 'q-null', status: 'error', message: 'line 7: "question" must be a string' });
  });

  it('goes on after bad lines', () => {
    expect(lines.slice(6).map((l) => l.status)).toEqual(['chitchat', 'no_answer', 'answered']);
  });

  it('reads Windows line endings and a last line without a newline', async () => {
    const { out } = await runCli(['ask', '--json', '--batch'], env, 'Who is the vice chair?\r\n{"id":"x","question":"help"}');
    expect(jsonLines(out).map((l) => [l.id, l.question, l.status])).toEqual([
      [1, 'Who is the vice chair?', 'answered'],
      ['x', 'help', 'chitchat'],
    ]);
  });

  it('writes nothing for empty input', async () => {
    const { code, out } = await runCli(['ask', '--json', '--batch'], env, '');
    expect(code).toBe(0);
    expect(out).toBe('');
  });
});

describe('ask --batch without --json', () => {
  it('prints each question and its answer as text, and bad lines as errors', async () => {
    const { code, out } = await runCli(['ask', '--batch'], env, 'Who is the vice chair?\n{"id": 1}\n');
    expect(code).toBe(0);
    expect(out).toMatch(/^Q: Who is the vice chair\?\nVice chair: Laia Bonet/);
    expect(out).toContain('error: line 2: "question" must be a string');
  });
});

describe('help and flags', () => {
  it.each([['--help'], ['-h'], ['help'], ['ask', '--help'], ['ask', '-h'], ['chat', '--help'], ['index', '--help'], ['report', '--help']])(
    'prints usage and exits 0 for %p',
    async (...argv) => {
      const { code, out, err } = await runCli(argv, env);
      expect(code).toBe(0);
      expect(err).toBe('');
      const command = argv[0].startsWith('-') || argv[0] === 'help' ? '<command>' : argv[0];
      expect(out.startsWith(`Usage: network-qa ${command}`)).toBe(true);
    },
  );

  it('exits 2 with the usage on stderr when no command is given', async () => {
    const { code, out, err } = await runCli([], env);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^Usage: network-qa <command>/);
  });

  it.each([
    [['ask', '--jsn', 'Who is the vice chair?'], 'ask', '--jsn'],
    [['ask', '--batch', '--knowledge'], 'ask', '--knowledge'],
    [['chat', '--verbose'], 'chat', '--verbose'],
    [['index', '--bogus'], 'index', '--bogus'],
    [['report', '--bogus'], 'report', '--bogus'],
  ])('exits 2 with a message naming the wrong flag for %p', async (argv, command, flag) => {
    const { code, out, err } = await runCli(argv, env);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^network-qa ${command}: .*${flag}`));
  });

  it('exits 2 for an unknown command, naming it', async () => {
    const { code, err } = await runCli(['frobnicate'], env);
    expect(code).toBe(2);
    expect(err).toMatch(/^network-qa frobnicate: unknown command 'frobnicate'/);
  });
});

describe('a real network-qa process', () => {
  // Child node process running the TypeScript sources: proves that nothing (dotenv, natural, pino)
  // prints to stdout in --json mode, which in-process streams cannot show.
  it('writes only JSON lines to stdout in --json --batch mode', async () => {
    const register = join(__dirname, '..', 'fixtures', 'questions', 'ts-register.js');
    const mainTs = join(__dirname, '..', '..', 'adapters', 'cli', 'main.ts');
    const script = `require(${JSON.stringify(mainTs)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
    const child = spawn(process.execPath, ['-r', register, '-e', script, 'ask', '--json', '--batch'], {
      cwd: tmp,
      env: { PATH: process.env.PATH, KNOWLEDGE_DIR: BUNDLED_KNOWLEDGE, DATA_DIR: join(tmp, 'child-data') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.end('Who is the vice chair?\n{"id": "x", "question": \nhello\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => (JSON.parse(l) as { status: string }).status)).toEqual(['answered', 'error', 'chitchat']);
    expect(existsSync(join(tmp, 'child-data', 'index.json'))).toBe(true);
  }, 60_000);
});
