import { loadKnowledgeSync as loadKnowledge } from '../../src/knowledge/load';
import { buildIndex } from '../../src/search/build';
import { factLabels, listPassageIds, perIndex, titleWords } from '../../src/search/lookups';
import { doc, makeTempDir, removeDir, writeTree } from '../core/helpers';

describe('per-index lookups', () => {
  const dir = writeTree(makeTempDir(), {
    'a.md': doc({ title: 'Harbour Board', lang: 'en' }, '# Harbour Board\n\nThe board meets monthly.\n\n## People\n\n- **Vice chair:** Ilse Marr\n\n## Members\n\n- Saltmere\n- Kirkhaven\n'),
  });
  const index = buildIndex(loadKnowledge(dir));
  const other = buildIndex(loadKnowledge(dir));
  afterAll(() => removeDir(dir));

  it('computes once per index and again for another index', () => {
    const compute = jest.fn((i: typeof index) => i.passages.length);
    const count = perIndex(compute);
    expect(count(index)).toBe(index.passages.length);
    expect(count(index)).toBe(index.passages.length);
    expect(compute).toHaveBeenCalledTimes(1);
    count(other);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('finds the non-empty lists, the labels of facts and the words of titles', () => {
    expect(listPassageIds(index).map((i) => index.passages[i].passage.items)).toEqual([['Saltmere', 'Kirkhaven']]);
    expect([...factLabels(index)]).toEqual(['vice chair']);
    expect([...titleWords(index)]).toEqual(['harbour', 'board']);
  });
});
