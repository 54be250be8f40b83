import * as fs from 'node:fs';
import * as path from 'node:path';
import { openQuestionLog, QuestionLog } from '../../src/questions/log';
import { hashUser } from '../../src/questions/salt';
import { openSqliteStore, SQLITE_FILE } from '../../src/store/sqlite';
import type { Store } from '../../src/store/store';
import { answer, clock, recordingLogger, tempDir } from './helpers';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = tempDir();
  store = openSqliteStore({ file: path.join(dir, SQLITE_FILE) });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const source = { title: 'About', file: 'organisation/about.md', heading: 'History', line: 12 };

describe('QuestionLog', () => {
  it('records one row per question and reads it back with every field', async () => {
    const c = clock('2024-05-01T10:00:00.000Z');
    const log = await openQuestionLog({ store, enabled: true, now: c.now });
    log.record({ question: 'Who founded OASC?', answer: answer('a1', 'answered', [source]), latencyMs: 12.345, context: { platform: 'slack', userId: 'U0SECRET1' } });
    c.advanceDays(1);
    log.record({ question: 'hello', answer: answer('a2', 'chitchat'), latencyMs: 1 });
    await log.flush();

    const { questions } = await log.read();
    expect(questions).toEqual([
      {
        type: 'question', id: 'a1', time: '2024-05-01T10:00:00.000Z', platform: 'slack', status: 'answered', confidence: 0.8,
        sources: ['organisation/about.md#12'], latencyMs: 12.3, question: 'Who founded OASC?', user: expect.stringMatching(/^[0-9a-f]{32}$/),
        feedback: { up: 0, down: 0 },
      },
      {
        type: 'question', id: 'a2', time: '2024-05-02T10:00:00.000Z', platform: null, status: 'chitchat', confidence: 0.1,
        sources: [], latencyMs: 1, question: 'hello', user: null, feedback: { up: 0, down: 0 },
      },
    ]);
  });

  it("never stores a raw user id, only a hash salted with the store's salt, stable per user and platform", async () => {
    const log = await openQuestionLog({ store, enabled: true });
    log.record({ question: 'q', answer: answer('a1'), latencyMs: 1, context: { platform: 'slack', userId: 'U0SECRET1' } });
    log.record({ question: 'q', answer: answer('a2'), latencyMs: 1, context: { platform: 'discord', userId: 'U0SECRET1' } });
    log.feedback('a1', 'up', { platform: 'slack', userId: 'U0SECRET1' });
    await log.flush();

    const salt = await store.userSalt('ignored: a salt is already stored');
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    const users = (await log.read()).questions.map((q) => q.user);
    expect(users).toEqual([hashUser(salt, 'slack', 'U0SECRET1'), hashUser(salt, 'discord', 'U0SECRET1')]);
    const bytes = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
    expect(bytes).not.toContain('U0SECRET1');

    // Another process opening the same store hashes the same user the same way.
    const second = openSqliteStore({ file: path.join(dir, SQLITE_FILE) });
    try {
      const other = await openQuestionLog({ store: second, enabled: true });
      other.record({ question: 'q', answer: answer('a3'), latencyMs: 1, context: { platform: 'slack', userId: 'U0SECRET1' } });
      await other.flush();
      expect((await other.read()).questions[2]!.user).toBe(users[0]);
    } finally {
      await second.close();
    }
  });

  it("counts one vote per user per answer, the user's last one, and every anonymous vote", async () => {
    const c = clock('2024-05-01T10:00:00.000Z');
    const log = await openQuestionLog({ store, enabled: true, now: c.now });
    log.record({ question: 'Who chairs Eurocities?', answer: answer('a1'), latencyMs: 5 });
    for (const [vote, userId] of [['up', 'U1'], ['up', 'U1'], ['down', 'U2'], ['up', 'U2'], ['down', 'U3'], ['down', undefined], ['down', undefined]] as const) {
      c.set(new Date(c.now().getTime() + 1000).toISOString());
      log.feedback('a1', vote, userId ? { platform: 'slack', userId } : {});
    }
    log.feedback('missing', 'down', { platform: 'slack', userId: 'U1' });
    await log.flush();
    expect((await log.read()).questions[0]!.feedback).toEqual({ up: 2, down: 3 });
  });

  it('does nothing at all when disabled', async () => {
    const log = await openQuestionLog({ store, enabled: false });
    log.record({ question: 'q', answer: answer('a1'), latencyMs: 1, context: { platform: 'slack', userId: 'U1' } });
    log.feedback('a1', 'up', { platform: 'slack', userId: 'U1' });
    await log.flush();
    expect(await log.prune()).toEqual({ questions: 0, votes: 0, events: 0, conversationTurns: 0 });
    expect(await log.read()).toEqual({ questions: [] });
    const enabled = await openQuestionLog({ store, enabled: true, prune: false });
    expect(await enabled.read()).toEqual({ questions: [] });
  });

  it('reads only questions since a date, and never those older than the retention period', async () => {
    const c = clock('2024-01-01T00:00:00.000Z');
    const log = await openQuestionLog({ store, enabled: true, retentionDays: 30, prune: false, now: c.now });
    for (const [id, when] of [['jan1', '2024-01-01T00:00:00Z'], ['jan20', '2024-01-20T00:00:00Z'], ['feb10', '2024-02-10T00:00:00Z']]) {
      c.set(when!);
      log.record({ question: id!, answer: answer(id!), latencyMs: 1 });
    }
    await log.flush();
    expect((await log.read()).questions.map((q) => q.id)).toEqual(['jan20', 'feb10']);
    expect((await log.read(new Date('2024-02-01T00:00:00Z'))).questions.map((q) => q.id)).toEqual(['feb10']);
  });

  it('cuts very long questions to 1,000 characters', async () => {
    const log = await openQuestionLog({ store, enabled: true });
    log.record({ question: 'x'.repeat(5000), answer: answer('a1'), latencyMs: 1 });
    await log.flush();
    expect((await log.read()).questions[0]!.question).toHaveLength(1000);
  });

  it('never throws when the store cannot be written, and says so in the log without the question', async () => {
    const logger = recordingLogger();
    const log = await openQuestionLog({ store, enabled: true, logger, prune: false });
    await store.close();
    expect(() => log.record({ question: 'q', answer: answer('a1'), latencyMs: 1 })).not.toThrow();
    expect(() => log.feedback('a1', 'up')).not.toThrow();
    await log.flush();
    expect(logger.entries.filter((e) => e.obj.code === 'question_log_write_failed')).toHaveLength(2);
    expect(JSON.stringify(logger.entries)).not.toContain('"q"');
    store = openSqliteStore({ file: path.join(dir, SQLITE_FILE) });
  });

  it('refuses a retention period that is not a positive number of days', () => {
    expect(() => new QuestionLog({ store, enabled: true, retentionDays: 0 }, 's')).toThrow(/retentionDays must be a positive number of days, got 0/);
    expect(() => new QuestionLog({ store, enabled: true, retentionDays: Number.NaN }, 's')).toThrow(/retentionDays/);
  });

  it('builds the report from the store, votes included', async () => {
    const c = clock('2024-05-01T10:00:00.000Z');
    const log = await openQuestionLog({ store, enabled: true, now: c.now });
    const asked = [['Who founded OASC?', 'no_answer'], ['who founded the OASC', 'no_answer'], ['hello', 'chitchat'], ['Who chairs Eurocities?', 'answered']] as const;
    asked.forEach(([q, status], i) => log.record({ question: q, answer: answer(`a${i}`, status), latencyMs: 10 * (i + 1) }));
    log.feedback('a3', 'down', { platform: 'slack', userId: 'U1' });
    await log.flush();
    const report = await log.report(new Date('2024-04-30T00:00:00Z'));
    expect(report).toMatchObject({ questions: 4, answerRate: 0.3333, feedback: { up: 0, down: 1, ratio: 0 }, latencyMs: { p50: 20, p95: 40 } });
    expect(report.needsWork).toEqual([
      { question: 'Who founded OASC?', count: 2, variants: ['who founded the OASC'] },
      { question: 'Who chairs Eurocities?', count: 1, variants: [] },
    ]);
  });
});

describe('QuestionLog pruning', () => {
  async function fill(log: QuestionLog, c: ReturnType<typeof clock>, days: number[]): Promise<void> {
    for (const day of days) {
      c.set(`2024-01-${String(day).padStart(2, '0')}T12:00:00.000Z`);
      log.record({ question: `asked on day ${day}`, answer: answer(`d${day}`), latencyMs: 1 });
      log.feedback(`d${day}`, 'up', { platform: 'slack', userId: 'U1' });
    }
    await log.flush();
  }

  it('runs at open and deletes only records older than the retention period', async () => {
    const c = clock('2024-01-01T00:00:00.000Z');
    await fill(await openQuestionLog({ store, enabled: true, retentionDays: 365, now: c.now }), c, [1, 5, 12, 20]);
    c.set('2024-01-20T12:00:00.000Z');
    const log = await openQuestionLog({ store, enabled: true, retentionDays: 10, now: c.now });
    await log.flush();
    const reader = await openQuestionLog({ store, enabled: true, retentionDays: 365, prune: false, now: c.now });
    expect((await reader.read()).questions.map((q) => [q.id, q.feedback.up])).toEqual([['d12', 1], ['d20', 1]]);
  });

  it('prunes again once a day while the bot keeps running', async () => {
    const c = clock('2024-01-01T12:00:00.000Z');
    const log = await openQuestionLog({ store, enabled: true, retentionDays: 10, now: c.now });
    log.record({ question: 'day 1', answer: answer('d1'), latencyMs: 1 });
    c.set('2024-01-11T13:00:00.000Z');
    log.record({ question: 'day 11', answer: answer('d11'), latencyMs: 1 });
    c.set('2024-01-12T13:00:00.000Z');
    log.record({ question: 'day 12', answer: answer('d12'), latencyMs: 1 });
    await log.flush();
    const reader = await openQuestionLog({ store, enabled: true, retentionDays: 365, prune: false, now: c.now });
    expect((await reader.read()).questions.map((q) => q.id)).toEqual(['d11', 'd12']);
  });

  it('never rewrites the database file: the same file, smaller or not, before and after', async () => {
    const c = clock('2024-01-01T00:00:00.000Z');
    await fill(await openQuestionLog({ store, enabled: true, retentionDays: 365, now: c.now }), c, [1, 2, 3, 20]);
    const inode = fs.statSync(path.join(dir, SQLITE_FILE)).ino;
    c.set('2024-01-21T00:00:00.000Z');
    const log = await openQuestionLog({ store, enabled: true, retentionDays: 10, prune: false, now: c.now });
    expect(await log.prune()).toMatchObject({ questions: 3, votes: 3 });
    expect(fs.statSync(path.join(dir, SQLITE_FILE)).ino).toBe(inode);
  });
});
