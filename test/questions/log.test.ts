import * as fs from 'node:fs';
import * as path from 'node:path';
import { openQuestionLog, QuestionLog } from '../../src/questions/log';
import { hashUser } from '../../src/questions/salt';
import { answer, clock, recordingLogger, tempDir } from './helpers';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'data', 'questions.jsonl');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const source = { title: 'About', file: 'organisation/about.md', heading: 'History', line: 12 };

describe('QuestionLog', () => {
  it('writes one JSON line per question and reads it back with every field', () => {
    const c = clock('2024-05-01T10:00:00.000Z');
    const log = openQuestionLog({ file, enabled: true, now: c.now });
    log.record({ question: 'Who founded OASC?', answer: answer('a1', 'answered', [source]), latencyMs: 12.345, context: { platform: 'slack', userId: 'U0SECRET1' } });
    c.advanceDays(1);
    log.record({ question: 'hello', answer: answer('a2', 'chitchat'), latencyMs: 1 });

    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const { questions, damaged } = log.read();
    expect(damaged).toBe(0);
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

  it('never stores a raw user id, only a salted hash that is stable per user and platform', () => {
    const log = openQuestionLog({ file, enabled: true });
    log.record({ question: 'q', answer: answer('a1'), latencyMs: 1, context: { platform: 'slack', userId: 'U0SECRET1' } });
    log.record({ question: 'q', answer: answer('a2'), latencyMs: 1, context: { platform: 'slack', userId: 'U0SECRET1' } });
    log.record({ question: 'q', answer: answer('a3'), latencyMs: 1, context: { platform: 'discord', userId: 'U0SECRET1' } });
    log.feedback('a1', 'up', { platform: 'slack', userId: 'U0SECRET1' });

    expect(fs.readFileSync(file, 'utf8')).not.toContain('U0SECRET1');
    const salt = fs.readFileSync(path.join(dir, 'data', 'salt'), 'utf8').trim();
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    const users = log.read().questions.map((q) => q.user);
    expect(users).toEqual([hashUser(salt, 'slack', 'U0SECRET1'), hashUser(salt, 'slack', 'U0SECRET1'), hashUser(salt, 'discord', 'U0SECRET1')]);
    expect(users[0]).not.toBe(users[2]);

    // The salt is kept: a reopened log hashes the same user the same way.
    const reopened = openQuestionLog({ file, enabled: true });
    reopened.record({ question: 'q', answer: answer('a4'), latencyMs: 1, context: { platform: 'slack', userId: 'U0SECRET1' } });
    expect(reopened.read().questions[3]!.user).toBe(users[0]);
  });

  it('uses a salt given in the options and then writes no salt file', () => {
    const log = openQuestionLog({ file, enabled: true, salt: 's'.repeat(64) });
    log.record({ question: 'q', answer: answer('a1'), latencyMs: 1, context: { platform: 'cli', userId: 'me' } });
    expect(log.read().questions[0]!.user).toBe(hashUser('s'.repeat(64), 'cli', 'me'));
    expect(fs.existsSync(path.join(dir, 'data', 'salt'))).toBe(false);
  });

  it('merges feedback into its question: one vote per user, the last one counts', () => {
    const log = openQuestionLog({ file, enabled: true });
    log.record({ question: 'Who chairs Eurocities?', answer: answer('a1'), latencyMs: 5 });
    log.feedback('a1', 'up', { platform: 'slack', userId: 'U1' });
    log.feedback('a1', 'up', { platform: 'slack', userId: 'U1' });
    log.feedback('a1', 'down', { platform: 'slack', userId: 'U2' });
    log.feedback('a1', 'up', { platform: 'slack', userId: 'U2' });
    log.feedback('a1', 'down', { platform: 'discord', userId: 'U3' });
    log.feedback('a1', 'down');
    log.feedback('missing', 'down', { platform: 'slack', userId: 'U1' });

    const [question] = log.read().questions;
    expect(question!.feedback).toEqual({ up: 2, down: 2 });
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toEqual({ type: 'feedback', id: 'a1', vote: 'up', time: expect.any(String), platform: 'slack', user: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('does nothing at all when disabled: no file, no folder, no salt', () => {
    const log = openQuestionLog({ file, enabled: false });
    log.record({ question: 'q', answer: answer('a1'), latencyMs: 1, context: { platform: 'slack', userId: 'U1' } });
    log.feedback('a1', 'up', { platform: 'slack', userId: 'U1' });
    expect(log.prune()).toEqual({ kept: 0, removed: 0, damaged: 0 });
    expect(log.read()).toEqual({ questions: [], damaged: 0 });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reads a missing file as an empty log', () => {
    expect(openQuestionLog({ file, enabled: true }).read()).toEqual({ questions: [], damaged: 0 });
  });

  it('tolerates a truncated last line, and repairs it on the next open so later records stay readable', () => {
    const log = openQuestionLog({ file, enabled: true });
    log.record({ question: 'first', answer: answer('a1'), latencyMs: 1 });
    log.record({ question: 'second', answer: answer('a2'), latencyMs: 1 });
    fs.appendFileSync(file, '{"type":"question","id":"a3","time":"2024-');

    expect(log.read()).toEqual({ questions: [expect.objectContaining({ id: 'a1' }), expect.objectContaining({ id: 'a2' })], damaged: 1 });

    const reopened = openQuestionLog({ file, enabled: true });
    reopened.record({ question: 'third', answer: answer('a4'), latencyMs: 1 });
    expect(reopened.read()).toEqual({ questions: ['a1', 'a2', 'a4'].map((id) => expect.objectContaining({ id })), damaged: 0 });
  });

  it('recovers a whole record written after a torn one on the same line, and skips garbled lines', () => {
    const log = openQuestionLog({ file, enabled: true, readOnly: true });
    const good = (id: string) => JSON.stringify({ type: 'question', id, time: new Date().toISOString(), platform: null, status: 'answered', confidence: 1, sources: [], latencyMs: 1, question: id, user: null });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, [good('a1'), 'not json at all', '{"type":"question","id":"a2","ti' + good('a3'), '{"type":"question","id":42}', good('a4')].join('\n') + '\n');
    expect(log.read()).toEqual({ questions: ['a1', 'a3', 'a4'].map((id) => expect.objectContaining({ id })), damaged: 2 });
  });

  it('ends a complete last record that lacks its newline before appending', () => {
    const log = openQuestionLog({ file, enabled: true });
    log.record({ question: 'first', answer: answer('a1'), latencyMs: 1 });
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').trimEnd());
    const reopened = openQuestionLog({ file, enabled: true });
    reopened.record({ question: 'second', answer: answer('a2'), latencyMs: 1 });
    expect(reopened.read()).toEqual({ questions: [expect.objectContaining({ id: 'a1' }), expect.objectContaining({ id: 'a2' })], damaged: 0 });
  });

  it('reads only questions since a date, and never those older than the retention period', () => {
    const c = clock('2024-01-01T00:00:00.000Z');
    const log = openQuestionLog({ file, enabled: true, retentionDays: 30, now: c.now });
    for (const id of ['jan1', 'jan20', 'feb10']) {
      c.set({ jan1: '2024-01-01T00:00:00Z', jan20: '2024-01-20T00:00:00Z', feb10: '2024-02-10T00:00:00Z' }[id]!);
      log.record({ question: id, answer: answer(id), latencyMs: 1 });
    }
    expect(log.read().questions.map((q) => q.id)).toEqual(['jan20', 'feb10']);
    expect(log.read(new Date('2024-02-01T00:00:00Z')).questions.map((q) => q.id)).toEqual(['feb10']);
  });

  it('cuts very long questions so one record stays one small write', () => {
    const log = openQuestionLog({ file, enabled: true });
    log.record({ question: 'x'.repeat(5000), answer: answer('a1'), latencyMs: 1 });
    expect(log.read().questions[0]!.question).toHaveLength(1000);
  });

  it('never throws when the log cannot be written, and says so in the log', () => {
    const logger = recordingLogger();
    fs.mkdirSync(file, { recursive: true }); // the log's path is a folder: every append fails
    const log = openQuestionLog({ file, enabled: true, logger });
    expect(() => log.record({ question: 'q', answer: answer('a1'), latencyMs: 1 })).not.toThrow();
    expect(() => log.feedback('a1', 'up')).not.toThrow();
    expect(logger.entries.filter((e) => e.obj.code === 'question_log_write_failed')).toHaveLength(2);
    expect(JSON.stringify(logger.entries)).not.toContain('"q"');
  });

  it('refuses a retention period that is not a positive number of days', () => {
    expect(() => new QuestionLog({ file, enabled: true, retentionDays: 0 })).toThrow(/retentionDays must be a positive number of days, got 0/);
    expect(() => new QuestionLog({ file, enabled: true, retentionDays: Number.NaN })).toThrow(/retentionDays/);
  });

  it('opened read-only, neither repairs nor prunes, and refuses to write', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = JSON.stringify({ type: 'question', id: 'old', time: '2000-01-01T00:00:00Z', platform: null, status: 'answered', confidence: 1, sources: [], latencyMs: 1, question: 'old', user: null });
    fs.writeFileSync(file, `${old}\n{"type":"que`);
    const before = fs.readFileSync(file, 'utf8');
    const log = openQuestionLog({ file, enabled: true, readOnly: true });
    expect(log.prune()).toEqual({ kept: 0, removed: 0, damaged: 0 });
    expect(() => log.record({ question: 'q', answer: answer('a1'), latencyMs: 1 })).toThrow(/opened read-only/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['questions.jsonl']);
  });
});

describe('QuestionLog.prune', () => {
  function fill(log: QuestionLog, c: ReturnType<typeof clock>, days: number[]): void {
    for (const day of days) {
      c.set(`2024-01-${String(day).padStart(2, '0')}T12:00:00.000Z`);
      log.record({ question: `asked on day ${day}`, answer: answer(`d${day}`), latencyMs: 1 });
      log.feedback(`d${day}`, 'up', { platform: 'slack', userId: 'U1' });
    }
  }

  it('runs at open and keeps only records newer than the retention period', () => {
    const c = clock('2024-01-01T00:00:00.000Z');
    fill(openQuestionLog({ file, enabled: true, retentionDays: 10, now: c.now }), c, [1, 5, 12, 20]);
    c.set('2024-01-20T12:00:00.000Z');
    const log = openQuestionLog({ file, enabled: true, retentionDays: 10, now: c.now });

    const records = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; type: string });
    expect(records.map((r) => `${r.type}:${r.id}`)).toEqual(['question:d12', 'feedback:d12', 'question:d20', 'feedback:d20']);
    expect(log.read().questions.map((q) => [q.id, q.feedback.up])).toEqual([['d12', 1], ['d20', 1]]);
    expect(log.prune()).toEqual({ kept: 4, removed: 0, damaged: 0 });
  });

  it('prunes again once a day while the bot keeps running', () => {
    const c = clock('2024-01-01T12:00:00.000Z');
    const log = openQuestionLog({ file, enabled: true, retentionDays: 10, now: c.now });
    log.record({ question: 'day 1', answer: answer('d1'), latencyMs: 1 });
    c.set('2024-01-11T13:00:00.000Z');
    log.record({ question: 'day 11', answer: answer('d11'), latencyMs: 1 });
    c.set('2024-01-12T13:00:00.000Z');
    log.record({ question: 'day 12', answer: answer('d12'), latencyMs: 1 });
    expect(fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['d11', 'd12']);
  });

  it('replaces the file by an atomic rename and leaves no temporary file', () => {
    const c = clock('2024-01-01T00:00:00.000Z');
    fill(openQuestionLog({ file, enabled: true, retentionDays: 365, now: c.now }), c, [1, 20]);
    c.set('2024-01-01T00:00:00.000Z');
    const log = openQuestionLog({ file, enabled: true, retentionDays: 10, now: c.now });
    c.set('2024-01-20T12:00:00.000Z');
    const inodeBefore = fs.statSync(file).ino;
    expect(log.prune()).toEqual({ kept: 2, removed: 2, damaged: 0 });
    expect(fs.statSync(file).ino).not.toBe(inodeBefore);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['questions.jsonl', 'salt']);

    // Appends after the rename go to the new file.
    log.record({ question: 'after', answer: answer('after'), latencyMs: 1 });
    expect(log.read().questions.map((q) => q.id)).toEqual(['d20', 'after']);
  });

  it('leaves the old file whole when the rewrite fails half-way', () => {
    const c = clock('2024-01-01T00:00:00.000Z');
    fill(openQuestionLog({ file, enabled: true, retentionDays: 365, now: c.now }), c, [1, 20]);
    c.set('2024-01-01T00:00:00.000Z');
    const log = openQuestionLog({ file, enabled: true, retentionDays: 10, now: c.now });
    c.set('2024-01-20T12:00:00.000Z');
    const before = fs.readFileSync(file, 'utf8');
    // The module object itself: `import * as fs` is a read-only namespace view of it.
    const rename = jest.spyOn(require('node:fs') as typeof fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: simulated crash before rename'), { code: 'EIO' });
    });
    try {
      expect(() => log.prune()).toThrow(/cannot write .*questions\.jsonl: EIO: simulated crash before rename/);
    } finally {
      rename.mockRestore();
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['questions.jsonl', 'salt']);
  });

  it('does not rewrite a file that has nothing to drop', () => {
    const c = clock('2024-01-01T00:00:00.000Z');
    const log = openQuestionLog({ file, enabled: true, retentionDays: 90, now: c.now });
    fill(log, c, [1, 2]);
    const inode = fs.statSync(file).ino;
    openQuestionLog({ file, enabled: true, retentionDays: 90, now: c.now });
    expect(fs.statSync(file).ino).toBe(inode);
  });

  it('drops damaged lines while rewriting, and warns with a code', () => {
    const logger = recordingLogger();
    const log = openQuestionLog({ file, enabled: true });
    log.record({ question: 'kept', answer: answer('a1'), latencyMs: 1 });
    fs.appendFileSync(file, 'garbage\n');
    const reopened = openQuestionLog({ file, enabled: true, logger });
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(reopened.read()).toEqual({ questions: [expect.objectContaining({ id: 'a1' })], damaged: 0 });
    expect(logger.entries).toEqual([{ level: 'warn', obj: { code: 'question_log_damaged_lines', file, damaged: 1 } }]);
  });
});
