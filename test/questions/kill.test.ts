import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { openQuestionLog } from '../../src/questions/log';
import { MAX_QUESTION_LENGTH } from '../../src/questions/records';
import { openSqliteStore, SQLITE_FILE } from '../../src/store/sqlite';
import { tempDir } from './helpers';

const REGISTER = path.join(__dirname, '..', 'fixtures', 'questions', 'ts-register.js');
const WORKER = path.join(__dirname, '..', 'fixtures', 'store', 'store-worker.ts');
const FILLER = 'how do cities share data? '.repeat(36);

/** How many questions of a round (ids from `firstId`) the database holds, read as another process would. */
function written(dataDir: string, firstId: number): number {
  const file = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, timeout: 5000 });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM questions WHERE CAST(id AS INTEGER) >= ? AND CAST(id AS INTEGER) < ?').get(firstId, firstId + 1_000_000) as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet
  }
}

/** Starts a child that records questions from `firstId` on, waits until it has written `records` of them, then SIGKILLs it. */
async function appendThenKill(dataDir: string, firstId: number, records: number): Promise<void> {
  const child = spawn(process.execPath, ['-r', REGISTER, WORKER, 'forever', dataDir, String(firstId)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 60_000;
  while (written(dataDir, firstId) < records) {
    if (child.exitCode !== null) throw new Error(`the writer exited early: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`the writer did not write ${records} records in time: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
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
    for (const firstId of rounds) await appendThenKill(dir, firstId, 300);

    const store = openSqliteStore({ file: path.join(dir, SQLITE_FILE) });
    try {
      const log = await openQuestionLog({ store, enabled: true, prune: false });
      const { questions } = await log.read();
      const ids = questions.map((q) => Number(q.id));
      for (const firstId of rounds) {
        const round = ids.filter((id) => id >= firstId && id < firstId + 1_000_000);
        expect(round.length).toBeGreaterThanOrEqual(300);
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
