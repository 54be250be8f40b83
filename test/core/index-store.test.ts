/** The saved index: round trip, staleness (fingerprint, format version), damaged files, atomic writes. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnswerer } from '../../src/answer/answerer';
import { NetworkQaError } from '../../src/errors';
import { loadKnowledgeSync } from '../../src/knowledge/load';
import { createQA, openIndex } from '../../src/qa';
import { buildIndex, type SearchIndex } from '../../src/search/build';
import { INDEX_FORMAT_VERSION } from '../../src/search/options';
import { writeFileAtomic } from '../../src/files';
import { loadIndex, saveIndex } from '../../src/search/store';
import { ANALYSIS_FINGERPRINT } from '../../src/text/analyze';
import { silentLogger } from '../../src/log';
import { CITYNET_KNOWLEDGE, makeTempDir, removeDir, writeTree } from './helpers';

// The module object itself (not an import namespace copy), so a spy reaches src/files.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof import('node:fs');

const QUESTIONS = [
  'What is the LTA?',
  'Who is the treasurer?',
  'What are the 2024 priorities?',
  'How many member towns are listed?',
  'Is Bruckenau a member?',
  'Is Geneva a member?',
  'When was the Lakeside Towns Alliance founded?',
  'What is the population of Brückenau?',
  'What is the LTA acronym for?',
];

let tmp: string;
let built: SearchIndex;
let file: string;

beforeAll(() => {
  tmp = makeTempDir('network-qa-index-');
  built = buildIndex(loadKnowledgeSync(CITYNET_KNOWLEDGE));
  file = join(tmp, 'saved', 'index.json');
  saveIndex(built, file);
});
afterAll(() => removeDir(tmp));
afterEach(() => jest.restoreAllMocks());

const comparable = (index: SearchIndex) => {
  const answerer = createAnswerer(index);
  return QUESTIONS.map((q) => {
    const { id: _id, ...rest } = answerer.ask(q);
    return rest;
  });
};

describe('saveIndex and loadIndex', () => {
  it('writes { formatVersion, fingerprint, analysis, builtAt, index }', () => {
    const payload = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(payload)).toEqual(['formatVersion', 'fingerprint', 'analysis', 'builtAt', 'index']);
    expect(payload).toMatchObject({ formatVersion: INDEX_FORMAT_VERSION, fingerprint: built.fingerprint, analysis: ANALYSIS_FINGERPRINT, builtAt: built.builtAt });
  });

  it('rebuilds rather than trusts an index built with other stop words or stemmers', () => {
    const other = join(tmp, 'other-analysis.json');
    const payload = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(other, JSON.stringify({ ...payload, analysis: 'an-older-analysis' }));
    expect(loadIndex(other, built.fingerprint)).toEqual({ index: null, reason: expect.stringMatching(/other stop words or stemmers/) });
  });

  it('round-trips: the loaded index answers every question exactly as the built one', () => {
    const loaded = loadIndex(file, built.fingerprint);
    if (!loaded.index) throw new Error(loaded.reason);
    expect(loaded.index.passages.length).toBe(built.passages.length);
    expect([...loaded.index.acronyms]).toEqual([...built.acronyms]);
    expect(comparable(loaded.index)).toEqual(comparable(built));
  });

  it('keeps where each sentence of a text passage lies, and throws index_corrupt naming spans that do not fit the text', () => {
    const payload = JSON.parse(readFileSync(file, 'utf8'));
    const at = payload.index.passages.findIndex((p: { passage: { kind: string }; segmentSpans?: number[] }) => p.passage.kind === 'text' && p.segmentSpans);
    expect(at).toBeGreaterThanOrEqual(0);
    const entry = payload.index.passages[at];
    expect(entry.segmentSpans).toHaveLength(2 * entry.segmentTerms.length);
    entry.segmentSpans[1] = entry.passage.text.length + 1;
    const damaged = join(tmp, 'damaged-spans.json');
    writeFileSync(damaged, JSON.stringify(payload));
    expect(() => loadIndex(damaged, built.fingerprint)).toThrow(expect.objectContaining({ code: 'index_corrupt', message: expect.stringContaining(`passages[${at}].segmentSpans`) }));
  });

  it('loads without a fingerprint check when none is given', () => {
    expect(loadIndex(file).index).not.toBeNull();
  });

  it('returns a reason, without throwing, for a missing file', () => {
    const result = loadIndex(join(tmp, 'nowhere', 'index.json'), built.fingerprint);
    expect(result.index).toBeNull();
    expect(result).toMatchObject({ reason: expect.stringMatching(/no saved index/) });
  });

  it('returns a reason for an index built from other knowledge', () => {
    const result = loadIndex(file, 'another-fingerprint');
    expect(result.index).toBeNull();
    expect(result).toMatchObject({ reason: expect.stringMatching(/fingerprint/) });
  });

  it('returns a reason for another format version', () => {
    const other = join(tmp, 'old-format.json');
    const payload = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(other, JSON.stringify({ ...payload, formatVersion: INDEX_FORMAT_VERSION + 1 }));
    const result = loadIndex(other, built.fingerprint);
    expect(result.index).toBeNull();
    expect(result).toMatchObject({ reason: expect.stringMatching(new RegExp(`format version ${INDEX_FORMAT_VERSION + 1}`)) });
  });

  it('returns a reason for invalid JSON, such as a file cut short', () => {
    const cut = join(tmp, 'cut.json');
    writeFileSync(cut, readFileSync(file, 'utf8').slice(0, 500));
    const result = loadIndex(cut, built.fingerprint);
    expect(result.index).toBeNull();
    expect(result).toMatchObject({ reason: expect.stringMatching(/not valid JSON/) });
  });

  it('throws index_corrupt for a well-formed file whose index is damaged', () => {
    const damaged = join(tmp, 'damaged.json');
    writeFileSync(damaged, JSON.stringify({ formatVersion: INDEX_FORMAT_VERSION, fingerprint: built.fingerprint, analysis: ANALYSIS_FINGERPRINT, builtAt: built.builtAt, index: { passages: [] } }));
    expect(() => loadIndex(damaged, built.fingerprint)).toThrow(expect.objectContaining({ code: 'index_corrupt' }));
    expect(() => loadIndex(damaged, built.fingerprint)).toThrow(NetworkQaError);
  });
});

describe('writeFileAtomic', () => {
  const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('leaves no temp file behind after a write', () => {
    const dir = join(tmp, 'atomic-ok');
    writeFileAtomic(join(dir, 'a.json'), '{"v":1}');
    writeFileAtomic(join(dir, 'a.json'), '{"v":2}');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"v":2}');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('keeps the old file and removes its temp file when the rename fails', () => {
    const dir = join(tmp, 'atomic-rename');
    mkdirSync(join(dir, 'target.json'), { recursive: true }); // a folder where the file should go: rename fails
    writeFileSync(join(dir, 'target.json', 'keep'), 'old');
    expect(() => writeFileAtomic(join(dir, 'target.json'), 'new')).toThrow(expect.objectContaining({ code: 'write_failed' }));
    expect(readFileSync(join(dir, 'target.json', 'keep'), 'utf8')).toBe('old');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('keeps the old file and removes its temp file when the data cannot be written to disk', () => {
    const dir = join(tmp, 'atomic-full');
    const target = join(dir, 'index.json');
    writeFileAtomic(target, 'old contents');
    jest.spyOn(nodeFs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    });
    expect(() => writeFileAtomic(target, 'new contents')).toThrow(expect.objectContaining({ code: 'write_failed', message: expect.stringContaining(target) }));
    jest.restoreAllMocks();
    expect(readFileSync(target, 'utf8')).toBe('old contents');
    expect(tempFiles(dir)).toEqual([]);
  });
});

describe('createQA and the saved index', () => {
  let knowledgeDir: string;
  let dataDir: string;
  const open = () => createQA({ knowledgeDir, dataDir, logQuestions: false });

  beforeAll(() => {
    knowledgeDir = join(tmp, 'kb');
    dataDir = join(tmp, 'data');
    cpSync(CITYNET_KNOWLEDGE, knowledgeDir, { recursive: true });
  });

  it('builds and saves the index on first start', async () => {
    const qa = await open();
    expect(qa.stats().loadedFromDisk).toBe(false);
    expect(existsSync(join(dataDir, 'index.json'))).toBe(true);
    await qa.close();
  });

  it('loads the saved index on the next start when the knowledge has not changed', async () => {
    const qa = await open();
    expect(qa.stats().loadedFromDisk).toBe(true);
    expect(qa.ask('Who is the treasurer?').answer).toContain('Jonas Feldtmann');
    await qa.close();
  });

  it('rebuilds when a knowledge file changed, and answers from the new content', async () => {
    const alliance = join(knowledgeDir, 'alliance.md');
    writeFileSync(alliance, readFileSync(alliance, 'utf8').replace('Jonas Feldtmann', 'Petra Holmqvist'));
    const qa = await open();
    expect(qa.stats().loadedFromDisk).toBe(false);
    expect(qa.ask('Who is the treasurer?').answer).toContain('Petra Holmqvist');
    await qa.close();
    const again = await open();
    expect(again.stats().loadedFromDisk).toBe(true);
    await again.close();
  });

  it('rebuilds when a knowledge file is added', async () => {
    writeTree(knowledgeDir, { 'extra.txt': 'The Boat Library lends kayaks to residents of every member town.' });
    const qa = await open();
    expect(qa.stats().loadedFromDisk).toBe(false);
    expect(qa.ask('What does the Boat Library lend?').answer).toContain('kayaks');
    await qa.close();
  });

  it('rebuilds when the saved index has another format version', async () => {
    const saved = join(dataDir, 'index.json');
    const payload = JSON.parse(readFileSync(saved, 'utf8'));
    writeFileSync(saved, JSON.stringify({ ...payload, formatVersion: 0 }));
    const qa = await open();
    expect(qa.stats().loadedFromDisk).toBe(false);
    expect(JSON.parse(readFileSync(saved, 'utf8')).formatVersion).toBe(INDEX_FORMAT_VERSION);
    await qa.close();
  });

  it('rebuilds instead of failing when the saved index is damaged', async () => {
    const saved = join(dataDir, 'index.json');
    const payload = JSON.parse(readFileSync(saved, 'utf8'));
    writeFileSync(saved, JSON.stringify({ ...payload, index: { passages: [] } }));
    const opened = await openIndex(knowledgeDir, saved, silentLogger);
    expect(opened.loadedFromDisk).toBe(false);
    expect(opened.index.passages.length).toBeGreaterThan(0);
  });

  it('writes nothing with persistIndex: false', async () => {
    const elsewhere = join(tmp, 'not-written');
    const qa = await createQA({ knowledgeDir, dataDir: elsewhere, persistIndex: false, logQuestions: false });
    expect(qa.ask('Who is the chair?').status).toBe('answered');
    await qa.close();
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('reports what it serves in stats(): documents, passages, languages, warnings', async () => {
    const fresh = join(tmp, 'kb-stats');
    cpSync(CITYNET_KNOWLEDGE, fresh, { recursive: true });
    writeTree(fresh, { 'broken.md': '---\ntitle: B\nlang: xx\n---\n\nText.\n' });
    const loaded = loadKnowledgeSync(fresh);
    const qa = await createQA({ knowledgeDir: fresh, persistIndex: false, logQuestions: false });
    const stats = qa.stats();
    expect(stats).toMatchObject({
      documents: loaded.documents.length,
      passages: loaded.passages.length,
      languages: [...new Set(loaded.documents.map((d) => d.lang))].sort(),
      loadedFromDisk: false,
    });
    expect(await qa.answerRate()).toBeNull();
    expect(stats.warnings).toEqual([expect.objectContaining({ file: 'broken.md', line: 3, code: 'knowledge_invalid_document' })]);
    expect(Number.isNaN(Date.parse(stats.builtAt))).toBe(false);
    // The rest of the knowledge still answers.
    expect(qa.ask('Who is the treasurer?').status).toBe('answered');
    await qa.close();
  });
});
