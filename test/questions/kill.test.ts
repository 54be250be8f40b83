import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openQuestionLog } from '../../src/questions/log';
import { MAX_QUESTION_LENGTH } from '../../src/questions/records';
import { openSqliteStore, SQLITE_FILE } from '../../src/store/sqlite';
import { tempDir } from './helpers';

const REGISTER = path.join(__dirname, '..', 'fixtures', 'questions', 'ts-register.js');
const WORKER = path.join(__dirname, '..', 'fixtures', 'store', 'store-worker.ts');
const FILLER = 'how do cities share data? '.repeat(36);

/** Starts a child that records questions from `firstId` on, waits until the database has grown by `bytes`, then SIGKILLs it. */
async function appendThenKill(dataDir: string, firstId: number, bytes: number): Promise<void> {
  const size = () => ['', '-wal'].reduce((n, suffix) => n + (fs.existsSync(path.join(dataDir, SQLITE_FILE + suffix)) ? fs.statSync(path.join(dataDir, SQLITE_FILE + suffix)).size : 0), 0);
  const startSize = size();
  const child = spawn(process.execPath, ['-r', REGISTER, WORKER, 'forever', dataDir, String(firstId)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 60_000;
  while (size() < startSize + bytes) {
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

  it('keeps every record committed before each kill whole, across several kills and restarts', async () => {
    const rounds = [0, 1_000_000, 2_000_000];
    for (const firstId of rounds) await appendThenKill(dir, firstId, 300_000);

    const store = openSqliteStore({ file: path.join(dir, SQLITE_FILE) });
    try {
      const log = await openQuestionLog({ store, enabled: true, prune: false });
      const { questions } = await log.read();
      const ids = questions.map((q) => Number(q.id));
      for (const firstId of rounds) {
        const round = ids.filter((id) => id >= firstId && id < firstId + 1_000_000);
        expect(round.length).toBeGreaterThan(50);
        // No gaps: every record committed before the kill is there, whole.
        expect(round).toEqual(Array.from({ length: round.length }, (_, i) => firstId + i));
      }
      for (const q of questions) {
        expect(q.question).toBe(`${q.id} ${FILLER}`.slice(0, MAX_QUESTION_LENGTH));
        expect(q.status).toBe('answered');
        expect(q.user).toMatch(/^[0-9a-f]{32}$/);
      }
    } finally {
      await store.close();
    }
  });
});
