import { addWordPrefixes } from '../../src/util/word-prefixes';

describe('addWordPrefixes', () => {
  it('adds every run of words from the first, the whole phrase included', () => {
    const into = new Set<string>();
    addWordPrefixes('come up with', into);
    addWordPrefixes('come about', into);
    addWordPrefixes('budget', into);
    expect([...into].sort()).toEqual(['budget', 'come', 'come about', 'come up', 'come up with']);
  });
});
