import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { QuestionRecord } from '../../src/questions/records';
import type { Store } from '../../src/store/store';
import { describeEachEngine, type EngineUnderTest } from './engines';

const REGISTER = path.join(__dirname, '..', 'fixtures', 'questions', 'ts-register.js');
const WORKER = path.join(__dirname, '..', 'fixtures', 'store', 'store-worker.ts');

/** Runs the store worker in its own process; resolves with its stdout once it exits 0. */
function worker(engine: EngineUnderTest, args: string[]): Promise<string> {
  const env = { ...process.env, ...(engine.databaseUrl ? { DATABASE_URL: engine.databaseUrl } : {}) };
  if (!engine.databaseUrl) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', REGISTER, WORKER, args[0]!, engine.dataDir, ...args.slice(1)], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker ${args.join(' ')} exited ${code}: ${err}`)))),
  );
}

async function ids(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const page of store.readQuestions({ from: new Date(0) })) out.push(...page.map((q) => q.id));
  return out;
}

describeEachEngine('several processes sharing one store', (engine) => {
  it('loses no record when three processes append at once while a fourth prunes', async () => {
    // Old records for the pruner to delete meanwhile.
    const seed = await engine().open();
    const old: QuestionRecord[] = Array.from({ length: 1000 }, (_, i) => ({
      type: 'question', id: `old-${i}`, time: '2000-01-01T00:00:00.000Z', platform: null, status: 'answered', confidence: 1, sources: [], latencyMs: 1, question: 'old', user: null,
    }));
    await seed.importRecords({ questions: old, votes: [], events: [] });
    await seed.close();

    const perWriter = 1000;
    const [rounds] = await Promise.all([
      worker(engine(), ['prune', '8000']),
      ...[0, 1, 2].map((w) => worker(engine(), ['append', String(w * 1_000_000), String(perWriter)])),
    ]);
    expect(Number(rounds)).toBeGreaterThan(1);

    const store = await engine().open();
    try {
      const found = new Set(await ids(store));
      const expected = [0, 1, 2].flatMap((w) => Array.from({ length: perWriter }, (_, i) => String(w * 1_000_000 + i)));
      expect(expected.filter((id) => !found.has(id))).toEqual([]);
      expect([...found].filter((id) => id.startsWith('old-'))).toEqual([]);
      expect(found.size).toBe(expected.length);
    } finally {
      await store.close();
    }
  }, 120_000);
});
