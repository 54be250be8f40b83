import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openQuestionLog } from '../../src/questions/log';
import { MAX_QUESTION_LENGTH } from '../../src/questions/records';
import { tempDir } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'questions');
const FILLER = 'how do cities share data? '.repeat(36);

/** Starts a child that appends records from `firstId` on, waits until the file has grown by `bytes`, then SIGKILLs it. */
async function appendThenKill(file: string, firstId: number, bytes: number): Promise<void> {
  const startSize = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const child = spawn(process.execPath, ['-r', path.join(FIXTURES, 'ts-register.js'), path.join(FIXTURES, 'append-forever.ts'), file, String(firstId)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 20_000;
  while ((fs.existsSync(file) ? fs.statSync(file).size : 0) < startSize + bytes) {
    if (child.exitCode !== null) throw new Error(`the writer exited early: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`the writer did not write ${bytes} bytes in time: ${stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('a process killed while writing the question log', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every complete earlier record intact, across several kills and restarts', async () => {
    const file = path.join(dir, 'questions.jsonl');
    const rounds = [0, 1_000_000, 2_000_000];
    for (const firstId of rounds) await appendThenKill(file, firstId, 300_000);

    const log = openQuestionLog({ file, enabled: true, readOnly: true });
    let contents!: ReturnType<typeof log.read>;
    expect(() => (contents = log.read())).not.toThrow();
    // A torn line can only be the last one written before each kill; each restart repaired the one before.
    expect(contents.damaged).toBeLessThanOrEqual(1);

    const ids = contents.questions.map((q) => Number(q.id));
    for (const firstId of rounds) {
      const round = ids.filter((id) => id >= firstId && id < firstId + 1_000_000);
      expect(round.length).toBeGreaterThan(50);
      // No gaps: every record written before the kill (except possibly the torn last one) is there, whole.
      expect(round).toEqual(Array.from({ length: round.length }, (_, i) => firstId + i));
    }
    for (const q of contents.questions) {
      expect(q.question).toBe(`${q.id} ${FILLER}`.slice(0, MAX_QUESTION_LENGTH));
      expect(q.status).toBe('answered');
      expect(q.user).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
