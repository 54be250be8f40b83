import MiniSearch from 'minisearch';
import { internalsOf, KNOWN_MINISEARCH_MAJOR, miniSearchMajor, termsNear } from '../../src/search/minisearch-internals';

function mini(): MiniSearch<{ id: number; text: string }> {
  const m = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  m.addAll([
    { id: 1, text: 'tide tables' },
    { id: 2, text: 'sensor buoys' },
  ]);
  return m;
}

describe("MiniSearch's internals, read in one place", () => {
  it('knows the installed major version (the lockfile pins it)', () => {
    expect(miniSearchMajor()).toBe(KNOWN_MINISEARCH_MAJOR);
  });

  it('finds index terms within an edit distance from the radix tree', () => {
    expect(termsNear(mini() as MiniSearch<unknown>, 'tyde', 1)).toEqual([['tide', 1]]);
    expect(termsNear(mini() as MiniSearch<unknown>, 'buoyz', 1)).toEqual([['buoys', 1]]);
    expect(termsNear(mini() as MiniSearch<unknown>, 'buoyz', 1, true)).toEqual([['buoys', 1]]);
    expect(termsNear(mini() as MiniSearch<unknown>, 'fide', 1)).toEqual([['tide', 1]]);
    expect(termsNear(mini() as MiniSearch<unknown>, 'fide', 1, true)).toEqual([]);
    expect(termsNear(mini() as MiniSearch<unknown>, 'zide', 1, true)).toEqual([]);
  });

  it('gives null for an instance of another shape, so callers use the public search', () => {
    expect(internalsOf({} as MiniSearch<unknown>)).toBeNull();
    expect(internalsOf(mini() as MiniSearch<unknown>)).not.toBeNull();
  });
});
