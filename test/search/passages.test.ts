import { loadKnowledgeSync as loadKnowledge } from '../../src/knowledge/load';
import { buildIndex } from '../../src/search/build';
import { nextInSection, passageById } from '../../src/search/passages';
import { doc, makeTempDir, removeDir, writeTree } from '../core/helpers';

describe('passage accessors', () => {
  const dir = writeTree(makeTempDir(), {
    'a.md': doc({ title: 'A', lang: 'en' }, '# A\n\nIntro one.\n\n## Part\n\nPart one.\n\n### Sub\n\nSub one.\n\n## Other\n\nOther one.\n'),
  });
  const index = buildIndex(loadKnowledge(dir));
  afterAll(() => removeDir(dir));
  const idOf = (text: string) => index.passages.find((p) => p.passage.text === text)!.passage.id;

  it('finds a passage by its file#line id, and nothing for an unknown id', () => {
    expect(passageById(index, idOf('Part one.'))?.text).toBe('Part one.');
    expect(passageById(index, 'a.md#999')).toBeUndefined();
  });

  it('gives the next passage of the same section, its sub-sections included, and nothing past its end', () => {
    expect(nextInSection(index, idOf('Part one.'))?.text).toBe('Sub one.');
    expect(nextInSection(index, idOf('Sub one.'))).toBeUndefined();
    expect(nextInSection(index, idOf('Intro one.'))?.text).toBe('Part one.');
    expect(nextInSection(index, idOf('Other one.'))).toBeUndefined();
  });
});
