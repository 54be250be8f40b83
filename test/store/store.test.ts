import type { ConversationTurn } from '../../src/conversation/store';
import type { QuestionRecord } from '../../src/questions/records';
import { storeCutoffs } from '../../src/store/retention';
import type { Store, VoteRecord } from '../../src/store/store';
import { describeEachEngine, markSchemaVersion } from './engines';

function question(id: string, time: string, extra: Partial<QuestionRecord> = {}): QuestionRecord {
  return { type: 'question', id, time, platform: 'slack', status: 'answered', confidence: 0.8, sources: ['a.md#3'], latencyMs: 1.5, question: `question ${id}`, user: 'u'.repeat(32), ...extra };
}

function vote(id: string, voter: string, v: 'up' | 'down', time: string): VoteRecord {
  return { type: 'feedback', id, vote: v, time, platform: 'slack', user: voter, voter };
}

async function readAll(store: Store, from = new Date(0), extra: { pageSize?: number; maxQuestionChars?: number } = {}) {
  const out = [];
  for await (const page of store.readQuestions({ from, ...extra })) out.push(...page);
  return out;
}

function turn(answerId: string, at: number): ConversationTurn {
  return { question: `q ${answerId}`, understoodAs: `q ${answerId}`, answerId, status: 'answered', kind: 'sentence' as ConversationTurn['kind'], at };
}

describeEachEngine('the store', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine().open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps every field of a question and reads questions back oldest first, page by page', async () => {
    const records = Array.from({ length: 25 }, (_, i) => question(`q${i}`, new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString()));
    for (const r of records) await store.addQuestion(r);
    const read = await readAll(store, new Date(0), { pageSize: 7 });
    expect(read).toEqual(records.map((r) => ({ ...r, feedback: { up: 0, down: 0 } })));
  });

  it('reads only the period asked for, and cuts long texts to the characters asked for', async () => {
    await store.addQuestion(question('old', '2024-01-01T00:00:00.000Z'));
    await store.addQuestion(question('new', '2024-02-01T00:00:00.000Z', { question: 'x'.repeat(900) }));
    const read = await readAll(store, new Date('2024-01-15T00:00:00Z'), { maxQuestionChars: 200 });
    expect(read.map((q) => [q.id, q.question.length])).toEqual([['new', 200]]);
  });

  it('keeps the first record of an id: adding it again changes nothing', async () => {
    await store.addQuestion(question('a', '2024-01-01T00:00:00.000Z', { question: 'first' }));
    await store.addQuestion(question('a', '2024-01-02T00:00:00.000Z', { question: 'second' }));
    expect((await readAll(store)).map((q) => q.question)).toEqual(['first']);
  });

  it("counts one vote per voter and answer, the voter's last vote", async () => {
    await store.addQuestion(question('a', '2024-01-01T00:00:00.000Z'));
    await store.addVote(vote('a', 'u1', 'up', '2024-01-01T00:01:00.000Z'));
    await store.addVote(vote('a', 'u1', 'down', '2024-01-01T00:02:00.000Z'));
    await store.addVote(vote('a', 'u2', 'up', '2024-01-01T00:03:00.000Z'));
    // An older vote arriving late (an import) does not undo a newer one.
    await store.addVote(vote('a', 'u2', 'down', '2024-01-01T00:00:30.000Z'));
    await store.addVote(vote('elsewhere', 'u1', 'down', '2024-01-01T00:02:00.000Z'));
    expect((await readAll(store))[0]!.feedback).toEqual({ up: 1, down: 1 });
  });

  it('lets exactly one of many concurrent claims of an event id win, across connections', async () => {
    const other = await engine().open();
    try {
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).claimEvent('Ev1', 1000 + i)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await other.claimEvent('Ev2', 1)).toBe(true);
      expect(await store.claimEvent('Ev2', 2)).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('prunes with DELETEs: old questions, votes, event ids and conversations go, the rest stays', async () => {
    await store.addQuestion(question('old', '2024-01-01T00:00:00.000Z'));
    await store.addVote(vote('old', 'u1', 'up', '2024-01-01T00:00:00.000Z'));
    await store.addQuestion(question('new', '2024-03-30T00:00:00.000Z'));
    await store.addVote(vote('new', 'u1', 'down', '2024-03-30T00:00:00.000Z'));
    const now = new Date('2024-04-01T00:00:00.000Z');
    await store.claimEvent('EvOld', now.getTime() - 2 * 3_600_000);
    await store.claimEvent('EvNew', now.getTime() - 60_000);
    const conversations = store.conversations({}, () => now.getTime());
    await conversations.append('stale', turn('s1', now.getTime() - 2 * 3_600_000));
    await conversations.append('live', turn('l1', now.getTime() - 60_000));

    expect(await store.prune(storeCutoffs(now, 30))).toEqual({ questions: 1, votes: 1, events: 1, conversationTurns: 1 });
    expect((await readAll(store)).map((q) => [q.id, q.feedback])).toEqual([['new', { up: 0, down: 1 }]]);
    expect(await store.claimEvent('EvNew', now.getTime())).toBe(false);
    expect(await store.claimEvent('EvOld', now.getTime())).toBe(true);
    expect((await conversations.recent('live', 10)).map((t) => t.answerId)).toEqual(['l1']);
  });

  it('keeps the first salt proposed, for every connection', async () => {
    const other = await engine().open();
    try {
      expect(await store.userSalt('a'.repeat(64))).toBe('a'.repeat(64));
      expect(await other.userSalt('b'.repeat(64))).toBe('a'.repeat(64));
    } finally {
      await other.close();
    }
  });

  it('imports records in one transaction, and a second import adds nothing', async () => {
    const records = { questions: [question('a', '2024-01-01T00:00:00.000Z'), question('b', '2024-01-01T00:01:00.000Z')], votes: [vote('a', 'u1', 'down', '2024-01-01T00:02:00.000Z')], events: [['Ev1', 5] as [string, number]] };
    expect(await store.importRecords(records)).toEqual({ questions: 2, votes: 1, events: 1 });
    expect(await store.importRecords(records)).toEqual({ questions: 0, votes: 0, events: 0 });
    expect((await readAll(store)).map((q) => [q.id, q.feedback.down])).toEqual([['a', 1], ['b', 0]]);
  });

  it('migrates a new database to the latest schema version, once, whoever opens it', async () => {
    const [a, b] = await Promise.all([engine().open(), engine().open()]);
    try {
      expect(await a.schemaVersion()).toBe(1);
      expect(await b.schemaVersion()).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('refuses a database written by a newer version of the bot, saying so', async () => {
    await markSchemaVersion(engine(), 99);
    await expect(engine().open()).rejects.toThrow(/has schema version 99, newer than this version of network-qa knows \(1\): upgrade network-qa/);
  });

  describe('conversation state', () => {
    let now = 1_000_000;
    const clock = () => now;
    beforeEach(() => {
      now = 1_000_000;
    });

    it('returns the last turns oldest first, bounded per conversation, and [] for an unknown one', async () => {
      const c = store.conversations({ turnsPerConversation: 3 }, clock);
      for (let i = 1; i <= 5; i += 1) await c.append('C1', turn(`a${i}`, now + i));
      await c.append('C2', turn('b1', now));
      expect((await c.recent('C1', 10)).map((t) => t.answerId)).toEqual(['a3', 'a4', 'a5']);
      expect((await c.recent('C1', 2)).map((t) => t.answerId)).toEqual(['a4', 'a5']);
      expect(await c.recent('nobody', 5)).toEqual([]);
      expect(await c.recent('C2', 5)).toEqual([turn('b1', now)]);
    });

    it('shares turns between connections, as replicas do', async () => {
      const other = await engine().open();
      try {
        await store.conversations({}, clock).append('C1', turn('a1', now));
        expect((await other.conversations({}, clock).recent('C1', 5)).map((t) => t.answerId)).toEqual(['a1']);
      } finally {
        await other.close();
      }
    });

    it('replaces the last turn, and does nothing for an unknown conversation', async () => {
      const c = store.conversations({}, clock);
      await c.append('C1', turn('a1', now));
      await c.append('C1', turn('a2', now));
      await c.updateLast('C1', { ...turn('a2', now + 5), shown: 2 });
      await c.updateLast('nobody', turn('x', now));
      expect(await c.recent('C1', 5)).toEqual([turn('a1', now), { ...turn('a2', now + 5), shown: 2 }]);
      expect(await c.recent('nobody', 5)).toEqual([]);
    });

    it('forgets a conversation once its last turn is older than the expiry, and starts it afresh', async () => {
      const c = store.conversations({ expiryMs: 1000 }, clock);
      await c.append('C1', turn('a1', now));
      now += 1001;
      expect(await c.recent('C1', 5)).toEqual([]);
      await c.updateLast('C1', turn('ignored', now));
      await c.append('C1', turn('a2', now));
      expect((await c.recent('C1', 5)).map((t) => t.answerId)).toEqual(['a2']);
    });

    it('keeps every turn appended concurrently to one conversation (up to the bound)', async () => {
      const other = await engine().open();
      try {
        const a = store.conversations({ turnsPerConversation: 50 }, clock);
        const b = other.conversations({ turnsPerConversation: 50 }, clock);
        await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append('C1', turn(`t${i}`, now))));
        expect((await a.recent('C1', 50)).map((t) => t.answerId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`).sort());
      } finally {
        await other.close();
      }
    });
  });
});
