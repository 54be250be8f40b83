/**
 * Issue 12, finding 2: start-up and reloads grew badly with the knowledge and froze answering. With 5,000 documents
 * the rebuild runs in a worker thread, questions keep being answered from the old index meanwhile, and example
 * questions are made on first use within a fixed budget. (Latency targets live in `npm run bench -- --growth`.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSmallDocuments } from '../../bench/growth-corpus';
import * as questionModule from '../../src/answer/question';
import { createQA, EXAMPLE_BUDGET, type QA } from '../../src/qa';
import { makeTempDir, removeDir } from './helpers';

jest.setTimeout(180_000);

let tmp: string;
let knowledgeDir: string;
let qa: QA;
let analysesAtStart = 0;

const NEW_DOC = '---\ntitle: The Zeppelin harbour project\nlang: en\n---\n\nThe Zeppelin harbour project of Antwerp started in 1999 with eleven partners.\n';
const NEW_QUESTION = 'When did the Zeppelin harbour project start?';

beforeAll(async () => {
  tmp = makeTempDir('network-qa-offthread-');
  knowledgeDir = join(tmp, 'knowledge');
  writeSmallDocuments(knowledgeDir, 5000);
  const analyses = jest.spyOn(questionModule, 'analyzeQuestion');
  qa = await createQA({ knowledgeDir, dataDir: join(tmp, 'data'), logQuestions: false });
  analysesAtStart = analyses.mock.calls.length;
  analyses.mockRestore();
});

afterAll(async () => {
  await qa?.close();
  removeDir(tmp);
});

describe('a knowledge folder of 5,000 documents', () => {
  it('starts without answering an example question per document', () => {
    expect(analysesAtStart).toBe(0);
  });

  it('makes example questions on first use, checking no more than the fixed budget', () => {
    const analyses = jest.spyOn(questionModule, 'analyzeQuestion');
    try {
      const examples = qa.examples(10);
      expect(examples.length).toBeGreaterThan(0);
      expect(analyses.mock.calls.length).toBeLessThanOrEqual(EXAMPLE_BUDGET);
    } finally {
      analyses.mockRestore();
    }
  });

  it('keeps answering from the old index while it is rebuilt, then answers from the new one', async () => {
    expect(qa.ask(NEW_QUESTION).status).toBe('no_answer');
    writeFileSync(join(knowledgeDir, 'zeppelin.md'), NEW_DOC);
    const reload = qa.reload();
    let done = false;
    void reload.finally(() => {
      done = true;
    });
    const during: string[] = [];
    // A question every 5 ms, as a busy bot gets them; a reload on the event loop would let none of them through.
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!done) during.push(qa.ask(NEW_QUESTION).status);
    }
    const result = await reload;
    expect(result.ok).toBe(true);
    expect(result.stats.documents).toBe(5001);
    expect(during.length).toBeGreaterThanOrEqual(20);
    expect(new Set(during)).toEqual(new Set(['no_answer']));
    const after = qa.ask(NEW_QUESTION);
    expect(after.status).toBe('answered');
    expect(after.answer).toContain('1999');
  });
});
