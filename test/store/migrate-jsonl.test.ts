import * as fs from 'node:fs';
import * as path from 'node:path';
import { openStore } from '../../src/store/open';
import type { Store } from '../../src/store/store';
import { FIXTURE_LOG, recordingLogger } from '../questions/helpers';
import { describeEachEngine, type EngineUnderTest } from './engines';

async function readAll(store: Store) {
  const out = [];
  for await (const page of store.readQuestions({ from: new Date(0) })) out.push(...page);
  return out;
}

function openFor(engine: EngineUnderTest, logger = recordingLogger()): Promise<Store> {
  return openStore({ dataDir: engine.dataDir, logger, ...(engine.databaseUrl ? { databaseUrl: engine.databaseUrl } : {}) });
}

describeEachEngine('importing the files of an earlier version', (engine) => {
  const events = JSON.stringify({ formatVersion: 1, events: [['Ev1', Date.now()], ['', 1], ['Ev2', Date.now()]] });

  beforeEach(() => {
    fs.copyFileSync(FIXTURE_LOG, path.join(engine().dataDir, 'questions.jsonl'));
    fs.writeFileSync(path.join(engine().dataDir, 'slack-events.json'), events);
  });

  it('imports every record once on first start, and renames the files instead of deleting them', async () => {
    const logger = recordingLogger();
    const store = await openFor(engine(), logger);
    try {
      const questions = await readAll(store);
      // The fixture: 11 whole question records (a garbled and a torn line skipped), votes merged per user.
      expect(questions).toHaveLength(11);
      expect(questions.find((q) => q.question === 'What is the membership fee?')!.feedback).toEqual({ up: 0, down: 1 });
      expect(await store.claimEvent('Ev1', Date.now())).toBe(false);
      expect(await store.claimEvent('Ev3', Date.now())).toBe(true);
      expect(fs.readdirSync(engine().dataDir).filter((f) => !f.startsWith('network-qa.db')).sort()).toEqual(['questions.jsonl.imported', 'slack-events.json.imported']);
      expect(fs.readFileSync(path.join(engine().dataDir, 'questions.jsonl.imported'))).toEqual(fs.readFileSync(FIXTURE_LOG));
      expect(logger.entries).toContainEqual({ level: 'info', obj: expect.objectContaining({ code: 'store_imported', questions: 11, events: 2, damaged: 2 }) });
    } finally {
      await store.close();
    }
  });

  it('adds nothing when the same file is imported again (a crash between the import and the rename)', async () => {
    const first = await openFor(engine());
    const before = await readAll(first);
    await first.close();
    fs.copyFileSync(FIXTURE_LOG, path.join(engine().dataDir, 'questions.jsonl'));
    const second = await openFor(engine());
    try {
      expect(await readAll(second)).toEqual(before);
      expect(fs.readdirSync(engine().dataDir).filter((f) => f.includes('.imported')).length).toBe(3);
    } finally {
      await second.close();
    }
  });

  it('imports once when two processes start at the same moment', async () => {
    const [a, b] = await Promise.all([openFor(engine()), openFor(engine())]);
    try {
      expect(await readAll(a)).toHaveLength(11);
      expect(await readAll(b)).toHaveLength(11);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("keeps the earlier version's salt, so imported and new records hash a user alike", async () => {
    const salt = 'f'.repeat(64);
    fs.writeFileSync(path.join(engine().dataDir, 'salt'), `${salt}\n`);
    const store = await openFor(engine());
    try {
      expect(await store.userSalt('another')).toBe(salt);
    } finally {
      await store.close();
    }
  });
});
