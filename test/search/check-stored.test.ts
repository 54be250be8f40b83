import type { SearchIndex } from '../../src/search/build';
import { storedIndexProblem } from '../../src/search/check-stored';
import { storedForm } from '../../src/search/store';
import { doc, indexedTree } from '../core/helpers';

// Invented documents: the test checks the stored index's shape, not what any text says.
const knowledge = indexedTree({ 'harbour.md': doc({ title: '"Harbour Council"', lang: 'en' }, '\n# Harbour Council\n\nThe council met Anna Weiss in the harbour.\n') }, 'network-qa-check-stored-');
let index: SearchIndex;
beforeAll(() => ({ index } = knowledge));

/** The index as it is saved, read back as plain JSON. */
const storedBody = (): Record<string, unknown> => (JSON.parse(JSON.stringify(storedForm(index))) as { index: Record<string, unknown> }).index;

describe('storedIndexProblem: the lexicon', () => {
  it('accepts a saved index as written, with the words WordNet knows among its terms', () => {
    const body = storedBody();
    expect(storedIndexProblem(body)).toBeNull();
    expect((body.lexicon as { lemmaTerms: string[] }).lemmaTerms).toEqual(expect.arrayContaining(['council', 'harbour']));
    expect((body.lexicon as { lemmaTerms: string[] }).lemmaTerms).not.toContain('weiss');
  });

  it('names the field when the words WordNet knows are missing or not words', () => {
    for (const damaged of [undefined, [1, 2], 'council']) {
      const body = storedBody();
      (body.lexicon as Record<string, unknown>).lemmaTerms = damaged;
      expect(storedIndexProblem(body)).toMatch(/lexicon\.lemmaTerms/);
    }
  });
});
