import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadKnowledgeSync } from '../../src/knowledge/load';
import { buildIndex, type SearchIndex } from '../../src/search/build';

/** A fresh folder under the OS temp dir; remove it with `removeDir` in `afterAll`. */
export function makeTempDir(prefix = 'network-qa-core-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes files (path relative to `dir` → text or bytes), creating folders as needed. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A Markdown document with YAML front matter. */
export function doc(front: Record<string, string>, body: string): string {
  const header = Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n');
  return `---\n${header}\n---\n\n${body.replace(/^\n/, '')}`;
}

/** The bundled knowledge folder, from the repository root. */
export const BUNDLED_KNOWLEDGE = join(__dirname, '..', '..', 'knowledge');

/** The synthetic city-network knowledge fixture (made-up names, every answer kind). */
export const CITYNET_KNOWLEDGE = join(__dirname, '..', 'fixtures', 'knowledge-citynet');

/**
 * For the tests of one file: writes a knowledge tree to a temp folder and indexes it before them, removes it after.
 * @returns a holder whose `index` is set once the file's tests start
 */
export function indexedTree(files: Record<string, string | Buffer>, prefix: string): { index: SearchIndex } {
  const holder = { index: undefined as unknown as SearchIndex };
  let dir = '';
  beforeAll(() => {
    dir = makeTempDir(prefix);
    writeTree(dir, files);
    holder.index = buildIndex(loadKnowledgeSync(dir));
  });
  afterAll(() => removeDir(dir));
  return holder;
}
