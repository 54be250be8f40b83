/** `network-qa index`: validate, rebuild and save the index; --check writes nothing; broken documents exit 1. */
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeSync } from '../../src/knowledge/load';
import { INDEX_FORMAT_VERSION } from '../../src/search/options';
import { CITYNET_KNOWLEDGE, makeTempDir, removeDir, writeTree } from '../core/helpers';
import { runCli } from './helpers';

let tmp: string;
let n = 0;
const citynet = loadKnowledgeSync(CITYNET_KNOWLEDGE);
const BROKEN = '---\ntitle: Broken\nlang: en\nsource: a: b: c\n---\n\nThe Night Market sells smoked fish.\n';

beforeAll(() => {
  tmp = makeTempDir('network-qa-cli-index-');
});
afterAll(() => removeDir(tmp));

function setup(extra: Record<string, string> = {}): { knowledgeDir: string; dataDir: string; env: NodeJS.ProcessEnv } {
  const knowledgeDir = join(tmp, `kb-${++n}`);
  cpSync(CITYNET_KNOWLEDGE, knowledgeDir, { recursive: true });
  writeTree(knowledgeDir, extra);
  const dataDir = join(tmp, `data-${n}`);
  return { knowledgeDir, dataDir, env: { KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir } };
}

describe('network-qa index', () => {
  it('writes DATA_DIR/index.json for the knowledge and prints a summary', async () => {
    const { knowledgeDir, dataDir, env } = setup();
    const { code, out, err } = await runCli(['index'], env);
    expect(code).toBe(0);
    expect(err).toBe('');
    const languages = [...new Set(citynet.documents.map((d) => d.lang))];
    expect(out).toMatch(new RegExp(`^${citynet.documents.length} documents, ${citynet.passages.length} passages, languages: `));
    for (const lang of languages) expect(out).toContain(`${lang} (`);
    expect(out).toContain(`Index written to ${join(dataDir, 'index.json')}`);
    const saved = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'));
    expect(saved).toMatchObject({ formatVersion: INDEX_FORMAT_VERSION, fingerprint: loadKnowledgeSync(knowledgeDir).fingerprint });
    expect(readdirSync(dataDir)).toEqual(['index.json']);
  });

  it('prints the summary as JSON with --json', async () => {
    const { dataDir, env } = setup();
    const { code, out } = await runCli(['index', '--json'], env);
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({
      documents: citynet.documents.length,
      passages: citynet.passages.length,
      warnings: [],
      written: join(dataDir, 'index.json'),
    });
    expect([...summary.languages].sort()).toEqual([...new Set(citynet.documents.map((d) => d.lang))].sort());
  });

  it('takes the knowledge folder from --knowledge over KNOWLEDGE_DIR', async () => {
    const { knowledgeDir, dataDir } = setup();
    const { code } = await runCli(['index', '--knowledge', knowledgeDir], { KNOWLEDGE_DIR: join(tmp, 'nowhere'), DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(existsSync(join(dataDir, 'index.json'))).toBe(true);
  });

  it('is what the next start loads: the saved index is fresh for the knowledge', async () => {
    const { knowledgeDir, dataDir, env } = setup();
    await runCli(['index'], env);
    const { createQA } = await import('../../src/qa');
    const qa = await createQA({ knowledgeDir, dataDir, logQuestions: false });
    expect(qa.stats().loadedFromDisk).toBe(true);
    await qa.close();
  });
});

describe('network-qa index --check', () => {
  it('validates a good folder, exits 0 and writes nothing', async () => {
    const { dataDir, env } = setup();
    const { code, out } = await runCli(['index', '--check'], env);
    expect(code).toBe(0);
    expect(out).toContain('Checked only; nothing written.');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits 1 on a broken document, names its file and line, and writes nothing', async () => {
    const { dataDir, env } = setup({ 'night-market.md': BROKEN });
    const { code, out, err } = await runCli(['index', '--check'], env);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`^${citynet.documents.length} documents`));
    expect(err).toMatch(/^warning: night-market\.md:\d+: .*YAML/m);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('reports every broken document, each with its file', async () => {
    const { env } = setup({ 'a-empty.md': '', 'b-lang.md': '---\ntitle: B\nlang: xx\n---\n\nText.\n' });
    const { code, out, err } = await runCli(['index', '--check', '--json'], env);
    expect(code).toBe(1);
    expect(err).toBe('');
    const summary = JSON.parse(out);
    expect(summary.warnings.map((w: { file: string; line: number }) => [w.file, w.line])).toEqual([
      ['a-empty.md', 1],
      ['b-lang.md', 3],
    ]);
    expect(summary.written).toBeNull();
  });
});

describe('network-qa index with a broken document', () => {
  it('exits 1 and names the file and line', async () => {
    const { env } = setup({ 'night-market.md': BROKEN });
    const { code, err } = await runCli(['index'], env);
    expect(code).toBe(1);
    expect(err).toMatch(/^warning: night-market\.md:4: /m); // line 4 holds "source: a: b: c"
  });

  it('keeps the last good saved index', async () => {
    const { knowledgeDir, dataDir, env } = setup();
    expect((await runCli(['index'], env)).code).toBe(0);
    const file = join(dataDir, 'index.json');
    const header = () => {
      const { formatVersion, fingerprint, builtAt } = JSON.parse(readFileSync(file, 'utf8'));
      return { formatVersion, fingerprint, builtAt };
    };
    const good = header();
    const modified = statSync(file).mtimeMs;
    writeTree(knowledgeDir, { 'night-market.md': BROKEN });
    expect((await runCli(['index'], env)).code).toBe(1);
    expect(header()).toEqual(good);
    expect(statSync(file).mtimeMs).toBe(modified);
  });

  it('exits 1 with a clear error when no document can be used', async () => {
    const empty = join(tmp, 'empty-kb');
    writeTree(empty, { 'only.md': '' });
    const dataDir = join(tmp, 'empty-data');
    const { code, err } = await runCli(['index'], { KNOWLEDGE_DIR: empty, DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(err).toContain(`error: no usable document in ${empty}`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits 1 naming the folder when the knowledge folder does not exist', async () => {
    const missing = join(tmp, 'missing-kb');
    const { code, err } = await runCli(['index'], { KNOWLEDGE_DIR: missing, DATA_DIR: join(tmp, 'x') });
    expect(code).toBe(1);
    expect(err).toContain(missing);
  });
});
