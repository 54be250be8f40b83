import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeSync } from '../../src/knowledge/load';
import { createQA } from '../../src/qa';
import { buildIndex } from '../../src/search/build';
import { saveIndex } from '../../src/search/store';
import { doc, makeTempDir, removeDir, writeTree } from './helpers';

const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('a running core with followIndex', () => {
  it('adopts the index that another process rebuilt, without watching the knowledge itself', async () => {
    const knowledgeDir = writeTree(makeTempDir(), { 'a.md': doc({ title: 'Alpha', lang: 'en' }, 'Alpha is a harbour town with a lighthouse.') });
    const dataDir = makeTempDir();
    const qa = await createQA({ knowledgeDir, dataDir, logQuestions: false, watch: false, followIndex: true, watchDebounceMs: 20 });
    try {
      expect(qa.ask('What does Beta grow?').status).toBe('no_answer');
      // A maintainer edits the knowledge and runs `network-qa index` in a shell: the index file is rewritten.
      writeFileSync(join(knowledgeDir, 'b.md'), doc({ title: 'Beta', lang: 'en' }, 'Beta grows tulips for the spring market.'));
      saveIndex(buildIndex(loadKnowledgeSync(knowledgeDir)), join(dataDir, 'index.json'));
      await until(() => qa.ask('What does Beta grow?').status === 'answered');
      expect(qa.ask('What does Beta grow?').answer).toContain('tulips');
    } finally {
      await qa.close();
      removeDir(knowledgeDir);
      removeDir(dataDir);
    }
  });
});
