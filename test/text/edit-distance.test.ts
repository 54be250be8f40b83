import fc from 'fast-check';
import { editDistance } from '../../src/text/edit-distance';
import { distance } from '../../src/text/natural';

describe('editDistance', () => {
  it('counts inserted, deleted and replaced letters, and swapped neighbours as one edit', () => {
    expect(editDistance('vise', 'vice')).toBe(1);
    expect(editDistance('vsie', 'vise')).toBe(1);
    expect(editDistance('enol', 'enoll')).toBe(1);
    expect(editDistance('forum', 'frum')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('stops at max + 1 once the distance must exceed max', () => {
    expect(editDistance('super bowl 50 mvp', 'super bowl 50 12', 2)).toBe(3);
    expect(editDistance('amsterdam', 'rotterdam', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('helsinki', 'helsinky', 2)).toBe(1);
  });
});

describe('editDistance against natural’s restricted Damerau-Levenshtein (the reference it replaces)', () => {
  const word = fc.stringMatching(/^[abc ]{0,9}$/);

  it('gives the same distance for any two short strings, and max + 1 beyond max', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const reference = distance.DamerauLevenshteinDistance(a, b, { restricted: true });
        expect(editDistance(a, b)).toBe(reference);
        expect(editDistance(a, b, max)).toBe(Math.min(reference, max + 1));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });
});
