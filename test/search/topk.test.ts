import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { topDocuments } from '../../src/search/topk';

const FIELDS = ['context', 'text'];
const OPTIONS = { boost: { context: 1.5, text: 1 }, bm25: { k: 1.2, b: 0.75, d: 0.5 }, combineWith: 'OR' as const };

function build(docs: { context: string; text: string }[]): MiniSearch<{ id: number; context: string; text: string }> {
  const mini = new MiniSearch<{ id: number; context: string; text: string }>({ fields: FIELDS, tokenize: (s) => (s ? s.split(' ') : []), processTerm: (t) => t });
  mini.addAll(docs.map((d, id) => ({ id, ...d })));
  return mini;
}

const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta');
const text = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));

describe('topDocuments', () => {
  it('ranks exactly as MiniSearch search does, scores included', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ context: text, text }), { minLength: 1, maxLength: 30 }), fc.uniqueArray(word, { minLength: 1, maxLength: 5 }), (docs, terms) => {
        const mini = build(docs);
        const expected = mini.search(terms.join(' '), OPTIONS).slice(0, 5);
        const actual = topDocuments(mini as unknown as MiniSearch<unknown>, terms, OPTIONS, 5);
        expect(actual.map((r) => r.score)).toEqual(expected.map((r) => expect.closeTo(r.score, 9)));
        // Equal scores may come in either order; the sets of ids at each score agree.
        const byScore = (list: { id: unknown; score: number }[]) => list.map((r) => `${r.score.toFixed(9)}:${String(r.id)}`).sort();
        if (new Set(expected.map((r) => r.score.toFixed(9))).size === expected.length) expect(byScore(actual)).toEqual(byScore(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('starts from clean buffers on every call', () => {
    const mini = build([{ context: '', text: 'alpha beta' }, { context: 'alpha', text: 'gamma' }]);
    const first = topDocuments(mini as unknown as MiniSearch<unknown>, ['alpha'], OPTIONS, 2);
    topDocuments(mini as unknown as MiniSearch<unknown>, ['beta', 'gamma'], OPTIONS, 2);
    expect(topDocuments(mini as unknown as MiniSearch<unknown>, ['alpha'], OPTIONS, 2)).toEqual(first);
  });

  it('returns nothing for terms the index does not hold', () => {
    const mini = build([{ context: '', text: 'alpha' }]);
    expect(topDocuments(mini as unknown as MiniSearch<unknown>, ['omega'], OPTIONS, 3)).toEqual([]);
  });
});
