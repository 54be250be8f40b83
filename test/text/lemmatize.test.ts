import { lemmaCandidates, lemmas, lemmatize } from '../../src/text/lemmatize';
import { forgetWordNet, wordNet, wordNetFromLists } from '../../src/text/wordnet';

describe('lemmatize (WordNet morphy over the bundled table)', () => {
  it.each([
    ['decided', 'decide'],
    ['founding', 'found'],
    ['cities', 'city'],
    ['better', 'good'],
    ['men', 'man'],
    ['women', 'woman'],
    ['children', 'child'],
    ['went', 'go'],
    ['was', 'be'],
    ['ran', 'run'],
    ['studies', 'study'],
    ['smallest', 'small'],
    ['largest', 'large'],
    ['invented', 'invent'],
    ['organisations', 'organisation'],
  ])('turns %s into %s', (word, lemma) => {
    expect(lemmatize(word)).toBe(lemma);
  });

  it('keeps a word that is itself a lemma of the class its ending suggests ("gas" is not the plural of "ga")', () => {
    expect(lemmatize('gas')).toBe('gas');
    expect(lemmatize('news')).toBe('news');
  });

  it('lists every base form WordNet knows, best first', () => {
    expect(lemmas('better')).toEqual(expect.arrayContaining(['good', 'well', 'better']));
    expect(lemmas('better')[0]).toBe('good');
    expect(lemmas('leaves')).toEqual(expect.arrayContaining(['leaf', 'leave']));
  });

  it('lemmatises the first word of a collocation WordNet has ("gave up" → give up)', () => {
    expect(lemmas('gave up')).toContain('give up');
  });

  it('leaves a word WordNet does not know as it is', () => {
    expect(lemmatize('eurocities')).toBe('eurocities');
    expect(lemmas('xqzt')).toEqual([]);
  });

  it('reads the bundled table once', () => {
    expect(wordNet()).toBe(wordNet());
    expect(wordNet().source).toMatch(/WordNet 3\.1/);
  });
});

describe('lemmaCandidates (no table: safe on the answering path)', () => {
  it('offers exception bases, rule results and the word itself, unchecked', () => {
    const candidates = lemmaCandidates('decided').map((c) => c.lemma);
    expect(candidates).toEqual(expect.arrayContaining(['decide', 'decid', 'decided']));
    expect(lemmaCandidates('men')[0]).toEqual({ lemma: 'man', wordClass: 'noun', via: 'exception' });
  });
});

describe('lemmas over a small table', () => {
  const table = wordNetFromLists({ lemmas: { spring: ['noun', 'verb'], springs: ['noun'], ring: ['verb', 'noun'], glass: ['noun'], glas: ['noun'] } });

  it('prefers the word itself when it is a lemma of the class the rule would strip', () => {
    expect(lemmas('glass', undefined, table)).toEqual(['glass', 'glas']);
  });

  it('prefers a base form of another class than the word itself has ("springs" the verb → spring)', () => {
    expect(lemmas('springs', undefined, table)).toEqual(['spring', 'springs']);
  });

  it('honours a restriction to some word classes', () => {
    expect(lemmas('rings', ['verb'], table)).toEqual(['ring']);
    expect(lemmas('rings', ['adj'], table)).toEqual([]);
  });
});

describe('forgetWordNet', () => {
  it('drops the bundled table, which the next use reads again', () => {
    const before = wordNet();
    forgetWordNet();
    const after = wordNet();
    expect(after).not.toBe(before);
    expect(after.id('city')).toBe(before.id('city'));
  });
});
