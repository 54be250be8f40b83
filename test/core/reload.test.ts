/** Refreshing the knowledge without downtime (issue 6): reload beside the old index, keep it when a document breaks. */
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createQA, type QA } from '../../src/qa';
import type { Answer, Logger } from '../../src/types';
import { CITYNET_KNOWLEDGE, makeTempDir, removeDir, writeTree } from './helpers';

let tmp: string;
let n = 0;

beforeAll(() => {
  tmp = makeTempDir('network-qa-reload-');
});
afterAll(() => removeDir(tmp));

/** A fresh copy of the synthetic knowledge, so each test can edit it. */
function knowledgeCopy(): string {
  const dir = join(tmp, `kb-${++n}`);
  cpSync(CITYNET_KNOWLEDGE, dir, { recursive: true });
  return dir;
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  writeFileSync(file, text.replace(from, to));
}

function recordingLogger(): Logger & { warnings: object[] } {
  const warnings: object[] = [];
  return { warnings, debug() {}, info() {}, error() {}, warn: (obj) => void warnings.push(obj) };
}

const BROKEN = '---\ntitle: Broken\nlang: en\nsource: a: b: c\n---\n\nThe Night Market sells smoked fish in the harbour.\n';

/** Asks `question` on every turn of the event loop until `until` settles; returns every answer. */
async function askContinuously(qa: QA, question: string, until: Promise<unknown>): Promise<{ answers: Answer[]; errors: unknown[] }> {
  const answers: Answer[] = [];
  const errors: unknown[] = [];
  let done = false;
  void until.finally(() => {
    done = true;
  });
  await new Promise<void>((resolve) => {
    const turn = () => {
      try {
        answers.push(qa.ask(question));
      } catch (error) {
        errors.push(error);
      }
      if (done) resolve();
      else setImmediate(turn);
    };
    turn();
  });
  return { answers, errors };
}

describe('reload', () => {
  it('answers every question asked while the index is rebuilt, from the old index and then from the new one', async () => {
    const dir = knowledgeCopy();
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false });
    // Make the rebuild do real work: a larger knowledge folder.
    for (let i = 0; i < 40; i++) {
      writeTree(dir, { [`bulk/town-${i}.md`]: `---\ntitle: Town ${i}\nlang: en\n---\n\n${`Town ${i} runs ferry number ${i} across the lake every morning. `.repeat(20)}\n` });
    }
    replaceIn(join(dir, 'alliance.md'), 'Jonas Feldtmann', 'Petra Holmqvist');

    const reloading = qa.reload();
    const asked = await askContinuously(qa, 'Who is the treasurer?', reloading);
    const result = await reloading;

    expect(result.ok).toBe(true);
    expect(asked.errors).toEqual([]);
    expect(asked.answers.length).toBeGreaterThan(1);
    for (const answer of asked.answers) {
      expect(answer.status).toBe('answered');
      expect(answer.answer).toMatch(/Jonas Feldtmann|Petra Holmqvist/);
    }
    expect(asked.answers[0].answer).toContain('Jonas Feldtmann');
    expect(qa.ask('Who is the treasurer?').answer).toContain('Petra Holmqvist');
    expect(result.stats.documents).toBe(qa.stats().documents);
    await qa.close();
  });

  it('answers from the old index synchronously right after reload() is called', async () => {
    const dir = knowledgeCopy();
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false });
    replaceIn(join(dir, 'alliance.md'), 'Mirela Kovač', 'Anouk Dreyfus');
    const reloading = qa.reload();
    expect(qa.ask('Who is the chair?').answer).toContain('Mirela Kovač');
    await reloading;
    expect(qa.ask('Who is the chair?').answer).toContain('Anouk Dreyfus');
    await qa.close();
  });

  it('shares one rebuild between callers who ask for a reload at the same time', async () => {
    const qa = await createQA({ knowledgeDir: knowledgeCopy(), persistIndex: false, logQuestions: false });
    const [a, b] = await Promise.all([qa.reload(), qa.reload()]);
    expect(a).toBe(b);
    expect(a.ok).toBe(true);
    await qa.close();
  });

  it('keeps serving the last good index when a broken document appears, and says which file and line', async () => {
    const dir = knowledgeCopy();
    const logger = recordingLogger();
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false, logger });
    const before = qa.stats();
    replaceIn(join(dir, 'alliance.md'), 'Jonas Feldtmann', 'Petra Holmqvist');
    writeTree(dir, { 'night-market.md': BROKEN });

    const reloading = qa.reload();
    const asked = await askContinuously(qa, 'Who is the treasurer?', reloading);
    const result = await reloading;

    expect(result.ok).toBe(false);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'knowledge_invalid_document', file: 'night-market.md' })]);
    const [warning] = result.warnings;
    expect(warning.message).toContain(`night-market.md:${warning.line}:`);
    expect(logger.warnings).toContainEqual(expect.objectContaining({ code: 'knowledge_invalid_document', file: 'night-market.md', line: warning.line }));
    // Nothing of the new knowledge is served: not the edited fact, not the broken document.
    for (const answer of [...asked.answers, qa.ask('Who is the treasurer?')]) expect(answer.answer).toContain('Jonas Feldtmann');
    expect(qa.ask('What does the Night Market sell?').status).toBe('no_answer');
    expect(qa.stats()).toMatchObject({ documents: before.documents, passages: before.passages, builtAt: before.builtAt });
    expect(result.stats.builtAt).toBe(before.builtAt);
    await qa.close();
  });

  it('reports the line of the broken front matter entry', async () => {
    const dir = knowledgeCopy();
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false });
    writeTree(dir, { 'night-market.md': BROKEN });
    const result = await qa.reload();
    expect(result.warnings[0]).toMatchObject({ file: 'night-market.md', line: 4 }); // "source: a: b: c"
    await qa.close();
  });

  it('swaps in the new knowledge once the broken document is fixed', async () => {
    const dir = knowledgeCopy();
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false });
    writeTree(dir, { 'night-market.md': BROKEN });
    expect((await qa.reload()).ok).toBe(false);
    expect(qa.ask('What does the Night Market sell?').status).toBe('no_answer');

    writeTree(dir, { 'night-market.md': BROKEN.replace('source: a: b: c', 'source: market.txt') });
    const fixed = await qa.reload();
    expect(fixed).toMatchObject({ ok: true, warnings: [] });
    const answer = qa.ask('What does the Night Market sell?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('smoked fish');
    expect(answer.sources[0].file).toBe('night-market.md');
    await qa.close();
  });

  it('keeps the saved index of the last good knowledge when a reload fails', async () => {
    const dir = knowledgeCopy();
    const dataDir = join(tmp, `data-${n}`);
    const qa = await createQA({ knowledgeDir: dir, dataDir, logQuestions: false });
    const saved = readFileSync(join(dataDir, 'index.json'), 'utf8');
    writeTree(dir, { 'broken.md': '' });
    expect((await qa.reload()).ok).toBe(false);
    expect(readFileSync(join(dataDir, 'index.json'), 'utf8')).toBe(saved);
    await qa.close();
  });

  it('keeps answering when the knowledge folder disappears, and reports it', async () => {
    const dir = knowledgeCopy();
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false });
    renameSync(dir, `${dir}-moved`);
    const result = await qa.reload();
    expect(result.ok).toBe(false);
    expect(result.warnings[0].message).toContain(dir);
    expect(qa.ask('Who is the chair?').answer).toContain('Mirela Kovač');
    rmSync(`${dir}-moved`, { recursive: true, force: true });
    await qa.close();
  });
});

describe('watching the knowledge folder', () => {
  async function eventually(check: () => boolean, what: string, limitMs = 8000): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('picks up an edited document by itself', async () => {
    const dir = knowledgeCopy();
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false, watch: true, watchDebounceMs: 50 });
    try {
      replaceIn(join(dir, 'alliance.md'), 'Ilse Marwood', 'Sanne Okafor');
      await eventually(() => qa.ask('Who is the secretariat contact?').answer.includes('Sanne Okafor'), 'the edited contact');
    } finally {
      await qa.close();
    }
  });

  it('keeps the old answers when a watched edit breaks a document', async () => {
    const dir = knowledgeCopy();
    const logger = recordingLogger();
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false, watch: true, watchDebounceMs: 50, logger });
    try {
      writeTree(dir, { 'night-market.md': BROKEN });
      await eventually(() => logger.warnings.some((w) => (w as { file?: string }).file === 'night-market.md'), 'a warning naming night-market.md');
      expect(qa.ask('Who is the chair?').answer).toContain('Mirela Kovač');
      expect(qa.ask('What does the Night Market sell?').status).toBe('no_answer');
    } finally {
      await qa.close();
    }
  });
});
