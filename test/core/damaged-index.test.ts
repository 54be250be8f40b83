/**
 * Issue 12, finding 3: a saved index with a valid header and a damaged body made every start exit with a TypeError
 * until the file was deleted by hand. Any damage (cut short, a damaged body, values of the wrong type) is now logged
 * and the index rebuilt; temp files left by killed writes are removed at start.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../bench/squad';
import { createQA } from '../../src/qa';
import { loadIndex } from '../../src/search/store';
import type { Logger } from '../../src/types';
import { CITYNET_KNOWLEDGE, makeTempDir, removeDir } from './helpers';

let tmp: string;
let good: string;
let expected: string[];
let n = 0;

const QUESTIONS = ['Who is the chair?', 'Is Port Vesna a member?', 'What is LTA?', 'How many members are listed?'];

function capture(): Logger & { lines: { level: string; obj: Record<string, unknown> }[] } {
  const lines: { level: string; obj: Record<string, unknown> }[] = [];
  const at = (level: string) => (obj: object) => void lines.push({ level, obj: obj as Record<string, unknown> });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const answersOf = (qa: { ask(q: string): { answer: string } }) => QUESTIONS.map((q) => qa.ask(q).answer);

beforeAll(async () => {
  tmp = makeTempDir('network-qa-damaged-');
  const dataDir = join(tmp, 'good');
  const qa = await createQA({ knowledgeDir: CITYNET_KNOWLEDGE, dataDir, logQuestions: false });
  expected = answersOf(qa);
  await qa.close();
  good = readFileSync(join(dataDir, 'index.json'), 'utf8');
});
afterAll(() => removeDir(tmp));

/** Starts the core over a data folder holding `indexText`; returns what it logged and answered. */
async function startWith(indexText: string) {
  const dataDir = join(tmp, `case-${++n}`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'index.json'), indexText);
  const logger = capture();
  const qa = await createQA({ knowledgeDir: CITYNET_KNOWLEDGE, dataDir, logQuestions: false, logger });
  const answers = answersOf(qa);
  await qa.close();
  const rewritten = loadIndex(join(dataDir, 'index.json'));
  return { logger, answers, rewrittenOk: rewritten.index !== null, loadedFromDisk: qa.stats().loadedFromDisk };
}

/** Sets the value at a path of the parsed file to `value`. */
function withValue(path: (string | number)[], value: unknown): string {
  const payload = JSON.parse(good);
  let at = payload;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]] = value;
  return JSON.stringify(payload);
}

describe('a damaged saved index', () => {
  it('is logged and rebuilt when its body is damaged behind a valid header', async () => {
    const header = good.slice(0, good.indexOf('"index":') + 8);
    const result = await startWith(`${header}{"documents":"%%%","passages":7}}`);
    expect(result.answers).toEqual(expected);
    expect(result.loadedFromDisk).toBe(false);
    expect(result.logger.lines).toContainEqual({ level: 'warn', obj: expect.objectContaining({ code: 'index_corrupt' }) });
    expect(result.rewrittenOk).toBe(true);
  });

  it.each([0.1, 0.5, 0.9, 0.999])('is rebuilt when it is cut short at %p of its length', async (share) => {
    const result = await startWith(good.slice(0, Math.floor(good.length * share)));
    expect(result.answers).toEqual(expected);
    expect(result.rewrittenOk).toBe(true);
  });

  it.each([
    [['index', 'passages', 0, 'passage'], null],
    [['index', 'passages', 2, 'passage', 'facts'], 'chair'],
    [['index', 'passages', 1, 'doc'], 9999],
    [['index', 'passages', 3, 'segmentTerms'], 42],
    [['index', 'documents', 0, 'passages'], [123456]],
    [['index', 'documents', 1, 'subjects'], 'x'],
    [['index', 'documentFrequency', 'counts'], ['1']],
    [['index', 'acronyms'], { icts: 1 }],
    [['index', 'mini', 'index', 0, 1], 5],
    [['index', 'mini', 'documentIds', '1'], 99999],
    [['index', 'mini', 'serializationVersion'], 'two'],
    [['index', 'langs'], null],
    [['index'], []],
    [['builtAt'], 7],
  ] as [(string | number)[], unknown][])('is rebuilt when %j holds the wrong type or range (%j)', async (path, value) => {
    const result = await startWith(withValue(path, value));
    expect(result.answers).toEqual(expected);
    expect(result.rewrittenOk).toBe(true);
  });

  it('is rebuilt whatever value of it is replaced (40 seeded random replacements)', async () => {
    const random = seededRandom(12);
    const junk = [null, 0, -1, 1.5, '', 'x', [], {}, [null], { a: 1 }, true];
    for (let i = 0; i < 40; i++) {
      const payload = JSON.parse(good);
      // Walk down to a random value and replace it.
      let parent: Record<string | number, unknown> = payload;
      let key: string | number = 'index';
      for (let depth = 0; depth < 8; depth++) {
        const value: unknown = parent[key];
        if (typeof value !== 'object' || value === null) break;
        const keys: string[] = Object.keys(value);
        if (!keys.length || random() < 0.15) break;
        parent = value as Record<string | number, unknown>;
        key = keys[Math.floor(random() * keys.length)];
      }
      parent[key] = junk[Math.floor(random() * junk.length)];
      const result = await startWith(JSON.stringify(payload));
      expect(result.answers).toEqual(expected);
    }
  });
});

describe('temp files of interrupted index writes', () => {
  it('are removed at start when the process that wrote them is gone, and kept while it runs', async () => {
    const dataDir = join(tmp, 'orphans');
    mkdirSync(dataDir, { recursive: true });
    // A pid that is certainly not running: above the kernel's pid_max.
    const orphan = join(dataDir, '.index.json.4194999.0badf00d.tmp');
    const live = join(dataDir, `.index.json.${process.ppid}.0badf00d.tmp`);
    writeFileSync(orphan, good.slice(0, 1000));
    writeFileSync(live, good.slice(0, 1000));
    const logger = capture();
    const qa = await createQA({ knowledgeDir: CITYNET_KNOWLEDGE, dataDir, logQuestions: false, logger });
    await qa.close();
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(logger.lines).toContainEqual({ level: 'info', obj: expect.objectContaining({ code: 'temp_file_removed', file: orphan }) });
  });
});
