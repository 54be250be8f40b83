import { join } from 'node:path';
import { fingerprintFiles, loadKnowledgeSync as loadKnowledge } from '../../src/knowledge/load';
import { loadSynonyms, parseSynonyms } from '../../src/knowledge/synonyms';
import { createQA } from '../../src/qa';
import type { Logger } from '../../src/types';
import { doc, makeTempDir, removeDir, writeTree } from '../core/helpers';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = makeTempDir('network-qa-synonyms-');
  dirs.push(dir);
  return writeTree(dir, files);
}
afterAll(() => dirs.forEach(removeDir));

const DOCUMENT = doc({ title: 'Harbour Cities Network', lang: 'en' }, '# Harbour Cities Network\n\nThe network links port cities.\n');

describe('parseSynonyms', () => {
  it('reads groups as lists or comma-separated strings, folded, with their lines', () => {
    const parsed = parseSynonyms('synonyms.yml', 'synonyms:\n  - [Aim, goal, Objective]\n  - head office,  Headquarters\n');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.groups).toEqual([
      { words: ['aim', 'goal', 'objective'], file: 'synonyms.yml', line: 2 },
      { words: ['head office', 'headquarters'], file: 'synonyms.yml', line: 3 },
    ]);
  });

  it('reads translations per language, a list giving alternatives', () => {
    const parsed = parseSynonyms('synonyms.yml', 'translations:\n  nl:\n    leden: members\n  it:\n    presidente: [president, chair]\n');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.translations).toEqual([
      { lang: 'nl', word: 'leden', english: ['members'], file: 'synonyms.yml', line: 3 },
      { lang: 'it', word: 'presidente', english: ['president', 'chair'], file: 'synonyms.yml', line: 5 },
    ]);
  });

  it.each([
    ['synonyms:\n  - [aim, goal]\n  - [alone]\n', 3, 'a synonym group needs at least two different words (has only "alone"); skipped'],
    ['synonyms:\n  - [aim, {x: 1}]\n', 2, 'a synonym group holds something that is not a word or phrase; skipped'],
    ['synonyms: aim goal\n', 1, '"synonyms" must be a list of groups (- [word, word, …]); skipped'],
    ['synonyms:\n  - [aim, goal]\nsynonym:\n  - [a, b]\n', 3, 'unknown key "synonym" (use "synonyms" or "translations"); skipped'],
    ['translations:\n  xx:\n    leden: members\n', 2, '"xx" is not a supported language other than English (use nl, fr, de, es, it or pt); skipped'],
    ['translations:\n  nl:\n    leden: []\n', 3, '"leden" has no English word; skipped'],
    ['- [aim, goal]\n', 1, 'must be a YAML mapping with "synonyms:" and/or "translations:"; skipped'],
  ])('reports %j at line %i', (text, line, message) => {
    const parsed = parseSynonyms('synonyms.yml', text);
    expect(parsed.warnings).toEqual([{ code: 'knowledge_invalid_document', file: 'synonyms.yml', line, message: `synonyms.yml:${line}: ${message}` }]);
  });

  it('keeps the good groups when one is broken', () => {
    const parsed = parseSynonyms('synonyms.yml', 'synonyms:\n  - [alone]\n  - [aim, goal]\n');
    expect(parsed.groups.map((g) => g.words)).toEqual([['aim', 'goal']]);
  });

  it('reports invalid YAML with its line and keeps nothing', () => {
    const parsed = parseSynonyms('synonyms.yml', 'synonyms:\n  - [aim, goal\n  - [a, b]\n');
    expect(parsed.groups).toEqual([]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0].message).toMatch(/^synonyms\.yml:\d+: is not valid YAML/);
    expect(parsed.warnings[0].line).toBeGreaterThan(1);
  });

  it('takes an empty file as no vocabulary', () => {
    expect(parseSynonyms('synonyms.yml', '# nothing yet\n')).toEqual({ groups: [], translations: [], warnings: [] });
  });
});

describe('synonyms.yml in a knowledge folder', () => {
  it('is optional', () => {
    expect(loadSynonyms(folder({ 'harbour.md': DOCUMENT }))).toEqual({ groups: [], translations: [], warnings: [] });
  });

  it('is loaded with the knowledge, its problems among the warnings, and is no document', () => {
    const loaded = loadKnowledge(folder({ 'harbour.md': DOCUMENT, 'synonyms.yml': 'synonyms:\n  - [port, harbour]\n  - [lonely]\n' }));
    expect(loaded.documents.map((d) => d.file)).toEqual(['harbour.md']);
    expect(loaded.synonyms.groups.map((g) => g.words)).toEqual([['port', 'harbour']]);
    expect(loaded.warnings.map((w) => w.message)).toEqual(['synonyms.yml:3: a synonym group needs at least two different words (has only "lonely"); skipped']);
  });

  it('is part of the fingerprint, so that editing it rebuilds the saved index', () => {
    const dir = folder({ 'harbour.md': DOCUMENT });
    const without = fingerprintFiles(dir);
    writeTree(dir, { 'synonyms.yml': 'synonyms:\n  - [port, harbour]\n' });
    expect(fingerprintFiles(dir)).not.toBe(without);
    expect(loadKnowledge(dir).fingerprint).toBe(fingerprintFiles(dir));
  });

  it('is picked up by the watcher of a running bot', async () => {
    const dir = folder({ 'harbour.md': DOCUMENT });
    const warnings: object[] = [];
    const logger: Logger = { debug() {}, info() {}, error() {}, warn: (obj) => void warnings.push(obj) };
    const qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false, watch: true, watchDebounceMs: 50, logger });
    try {
      writeTree(dir, { 'synonyms.yml': 'synonyms:\n  - [lonely]\n' });
      const deadline = Date.now() + 8000;
      while (!warnings.some((w) => (w as { file?: string; line?: number }).file === 'synonyms.yml' && (w as { line?: number }).line === 2)) {
        if (Date.now() > deadline) throw new Error(`no warning about synonyms.yml line 2 (got ${JSON.stringify(warnings)})`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await qa.close();
    }
  });
});

describe('the bundled synonyms.yml', () => {
  it('loads without a warning', () => {
    const loaded = loadSynonyms(join(__dirname, '..', '..', 'knowledge'));
    expect(loaded.warnings).toEqual([]);
    expect(loaded.groups.length).toBeGreaterThan(0);
    expect(loaded.translations.length).toBeGreaterThan(0);
  });
});
