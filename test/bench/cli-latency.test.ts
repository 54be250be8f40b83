import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCliLatency, measureCliLatency } from '../../bench/cli-latency';

const ROOT = join(__dirname, '..', '..');
// The TypeScript sources in a child process, as test/cli/ask.test.ts runs them: the test needs no build.
const register = join(__dirname, '..', 'fixtures', 'questions', 'ts-register.js');
const mainTs = join(ROOT, 'adapters', 'cli', 'main.ts');
const command = ['-r', register, '-e', `require(${JSON.stringify(mainTs)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`];

describe('measureCliLatency', () => {
  let tmp: string;
  beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), 'network-qa-cli-latency-'))));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('times the questions after the warm-up ones by the ms of each reply of one batch process', async () => {
    const run = { root: ROOT, knowledgeDir: join(ROOT, 'knowledge'), dataDir: join(tmp, 'data'), command };
    const cli = await measureCliLatency(run, ['vice chair the is who'], ['Who is the vice chair?', 'What is OASC?', 'line one\nline two']);
    expect(cli).toMatchObject({ questions: 3, warmup: 1 });
    expect(cli.p50Ms).toBeGreaterThan(0);
    expect(cli.p99Ms).toBeGreaterThanOrEqual(cli.p50Ms);
    expect(formatCliLatency(cli, { p50: 1e6, p99: 1e6 })).toMatch(/p50 [\d.]+ ms, p99 [\d.]+ ms .*: met\)$/);
    expect(formatCliLatency({ ...cli, p99Ms: 2 }, { p50: 1e6, p99: 1000 })).toMatch(/slower: missed\)$/);
  }, 60_000);

  it('fails with the CLI\'s first line of error when it cannot answer', async () => {
    const run = { root: ROOT, knowledgeDir: join(tmp, 'no-such-folder'), dataDir: join(tmp, 'data2'), command };
    await expect(measureCliLatency(run, [], ['Who is the vice chair?'])).rejects.toThrow(/network-qa ask --batch exited with [1-9]/);
  }, 60_000);
});
