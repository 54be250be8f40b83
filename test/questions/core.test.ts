import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { reportCommand } from '../../adapters/cli/report';
import { createQA } from '../../src';
import { openQuestionLog } from '../../src/questions/log';
import { openSqliteStore, SQLITE_FILE } from '../../src/store/sqlite';
import { tempDir } from './helpers';

const KNOWLEDGE = path.join(__dirname, '..', '..', 'knowledge');

describe('the question log behind the real core', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = tempDir()));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('records every question and vote, and the report counts them', async () => {
    const qa = await createQA({ knowledgeDir: KNOWLEDGE, dataDir, persistIndex: false, logQuestions: true });
    const asked = ['Who founded OASC?', 'who founded the OASC', 'hello', 'What is the airspeed velocity of an unladen swallow?'];
    const answers = asked.map((q) => qa.ask(q, { platform: 'slack', userId: 'U0SECRET' }));
    qa.feedback(answers[0]!.id, 'down', { platform: 'slack', userId: 'U0SECRET' });
    const report = await qa.report(7);
    await qa.close();

    const bytes = fs.readdirSync(dataDir).map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1')).join('');
    expect(bytes).not.toContain('U0SECRET');
    const store = openSqliteStore({ file: path.join(dataDir, SQLITE_FILE) });
    const { questions } = await (await openQuestionLog({ store, enabled: true, prune: false })).read();
    await store.close();
    expect(questions.map((q) => [q.id, q.question, q.status])).toEqual(answers.map((a, i) => [a.id, asked[i], a.status]));
    expect(questions[0]!.feedback).toEqual({ up: 0, down: 1 });
    expect(questions.every((q) => q.platform === 'slack' && /^[0-9a-f]{32}$/.test(q.user ?? '') && q.latencyMs >= 0)).toBe(true);

    expect(report.questions).toBe(4);
    expect(report.feedback).toEqual({ up: 0, down: 1, ratio: 0 });
    const scored = answers.filter((a) => a.status !== 'chitchat');
    const rate = scored.filter((a) => a.status === 'answered').length / scored.length;
    expect(report.answerRate).toBeCloseTo(rate, 4);
    // Both OASC wordings need work (one voted down, or unanswered), grouped as one question.
    expect(report.needsWork[0]).toMatchObject({ count: expect.any(Number), question: expect.stringMatching(/oasc/i) });
    expect(report.needsWork.filter((g) => /oasc/i.test(g.question))).toHaveLength(1);

    let out = '';
    const stdout = new PassThrough().on('data', (c) => (out += c));
    expect(await reportCommand(['--json'], { stdout, stderr: new PassThrough(), env: { DATA_DIR: dataDir } })).toBe(0);
    expect(JSON.parse(out)).toEqual({ ...report, since: expect.any(String) });
  });

  it('writes nothing when the log is off', async () => {
    const qa = await createQA({ knowledgeDir: KNOWLEDGE, dataDir, persistIndex: false, logQuestions: false });
    const answer = qa.ask('Who founded OASC?', { platform: 'discord', userId: '1234' });
    qa.feedback(answer.id, 'up', { platform: 'discord', userId: '1234' });
    await qa.close();
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect((await qa.report(7)).questions).toBe(0);
  });
});
