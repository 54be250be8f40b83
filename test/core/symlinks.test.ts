/**
 * Issue 12, finding 6: symlinked documents were skipped without a word. Links are still not followed (outside the
 * folder: unreviewed files; inside it: a document already read under its own name, or a loop), and the loader and the
 * core now say which links were skipped and why.
 */
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeSync as loadKnowledge } from '../../src/knowledge/load';
import { createQA } from '../../src/qa';
import type { Logger } from '../../src/types';
import { doc, makeTempDir, removeDir, writeTree } from './helpers';

let tmp: string;
let knowledge: string;

beforeAll(() => {
  tmp = makeTempDir('network-qa-links-');
  knowledge = join(tmp, 'knowledge');
  writeTree(tmp, {
    'knowledge/shared/harbour.md': doc({ title: 'Harbour Board', lang: 'en' }, 'The Harbour Board meets every Tuesday in Port Vesna.\n'),
    'outside/secret.md': doc({ title: 'Secret plans', lang: 'en' }, 'The secret plan is to build a bridge to the island.\n'),
  });
  mkdirSync(join(knowledge, 'links'));
  symlinkSync(join(knowledge, 'shared', 'harbour.md'), join(knowledge, 'links', 'board.md'));
  symlinkSync(join(knowledge, 'shared'), join(knowledge, 'links', 'shared-folder'));
  symlinkSync(join(tmp, 'outside', 'secret.md'), join(knowledge, 'links', 'secret.md'));
  symlinkSync(join(tmp, 'nowhere.md'), join(knowledge, 'links', 'gone.md'));
  symlinkSync(knowledge, join(knowledge, 'links', 'loop'));
});
afterAll(() => removeDir(tmp));

describe('symbolic links in the knowledge folder', () => {
  it('reads each document once, under its own name', () => {
    const files = loadKnowledge(knowledge).documents.map((d) => d.file);
    expect(files).toEqual(['shared/harbour.md']);
  });

  it('says which links were skipped and why', () => {
    const loaded = loadKnowledge(knowledge);
    expect(loaded.skipped).toEqual([
      { file: 'links/board.md', reason: 'is a symbolic link to shared/harbour.md, which is read under its own name' },
      { file: 'links/gone.md', reason: 'is a broken symbolic link' },
      { file: 'links/loop', reason: 'is a symbolic link to ., which is read under its own name' },
      { file: 'links/secret.md', reason: `is a symbolic link to ${join(realpathSync(tmp), 'outside', 'secret.md')}, outside the knowledge folder` },
      { file: 'links/shared-folder', reason: 'is a symbolic link to shared, which is read under its own name' },
    ]);
  });

  it('logs each skipped link when the bot starts', async () => {
    const lines: { obj: Record<string, unknown>; msg?: string }[] = [];
    const logger: Logger = { debug() {}, info() {}, error() {}, warn: (obj, msg) => void lines.push({ obj: obj as Record<string, unknown>, msg }) };
    const qa = await createQA({ knowledgeDir: knowledge, dataDir: join(tmp, 'data'), logQuestions: false, logger });
    await qa.close();
    const skipped = lines.filter((l) => l.obj.code === 'knowledge_link_skipped');
    expect(skipped.map((l) => l.obj.file)).toEqual(['links/board.md', 'links/gone.md', 'links/loop', 'links/secret.md', 'links/shared-folder']);
    expect(skipped[1].msg).toBe('links/gone.md is a broken symbolic link; skipped');
    expect(qa.ask('What is the secret plan?').status).toBe('no_answer');
  });
});
