/** Regression tests from the pre-release review of the CLI dispatcher and the knowledge watcher. */
import { join } from 'node:path';
import { createQA } from '../../src/qa';
import type { Logger } from '../../src/types';
import { makeTempDir, removeDir, writeTree } from '../core/helpers';
import { runCli } from '../cli/helpers';

let tmp: string;
beforeAll(() => {
  tmp = makeTempDir('network-qa-review-');
  writeTree(tmp, { 'kb/market.md': '---\ntitle: Night Market\nlang: en\n---\n\nThe Night Market sells smoked fish.\n' });
});
afterAll(() => removeDir(tmp));

describe('network-qa <command>', () => {
  it('control: an unknown command exits 2 with a message', async () => {
    const run = await runCli(['frobnicate'], { KNOWLEDGE_DIR: join(tmp, 'kb'), DATA_DIR: join(tmp, 'data-1') });
    expect(run.code).toBe(2);
    expect(run.err).toContain("unknown command 'frobnicate'");
  });

  // The usage table is a plain object, so 'constructor', 'toString', '__proto__'… are "known" and start a chat.
  it("rejects 'constructor' as an unknown command (it starts a chat today)", async () => {
    const run = await runCli(['constructor'], { KNOWLEDGE_DIR: join(tmp, 'kb'), DATA_DIR: join(tmp, 'data-2'), LOG_QUESTIONS: 'off' });
    expect(run.code).toBe(2);
    expect(run.err).toContain("unknown command 'constructor'");
  });
});

describe('watching knowledge (src/qa.ts watchFolder)', () => {
  // Every event under KNOWLEDGE_DIR triggers a rebuild, whatever the file: with DATA_DIR inside it, each
  // logged question (questions.jsonl) and each saved index.json rebuilds the index again.
  it('does not rebuild when only files that are not knowledge change (DATA_DIR inside KNOWLEDGE_DIR)', async () => {
    let reloads = 0;
    const logger: Logger = { info: (o: unknown) => void ((o as { code?: string }).code === 'index_reloaded' && reloads++), warn() {}, error() {}, debug() {} } as unknown as Logger;
    const qa = await createQA({ knowledgeDir: join(tmp, 'kb'), dataDir: join(tmp, 'kb', '.data'), logger, watch: true, watchDebounceMs: 30 });
    try {
      qa.ask('What does the Night Market sell?');
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(reloads).toBe(0);
    } finally {
      await qa.close();
    }
  });
});
