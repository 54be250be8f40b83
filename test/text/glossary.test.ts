import { loadSynonyms } from '../../src/knowledge/synonyms';
import { createGlossary, englishFor, equivalentsOf, namesCountry, namesPlace, synonymsOf, useDomainVocabulary } from '../../src/text/glossary';
import { BUNDLED_KNOWLEDGE } from '../core/helpers';

const vocabulary = {
  groups: [{ words: ['aim', 'goal', 'objective'] }, { words: ['goal', 'target'] }],
  translations: [{ word: 'leden', english: ['members'] }, { word: 'vicevoorzitter', english: ['vice chair'] }],
};

describe('createGlossary', () => {
  const glossary = createGlossary(vocabulary);

  it('gives a word the other words of every group it is in', () => {
    expect(glossary.synonymsOf('aim')).toEqual(['goal', 'objective']);
    expect(glossary.synonymsOf('goal')).toEqual(['aim', 'objective', 'target']);
    expect(glossary.synonymsOf('harbour')).toEqual([]);
  });

  it('gives the English words of a translation, a phrase word by word', () => {
    expect(glossary.englishFor('leden')).toEqual(['members']);
    expect(glossary.englishFor('vicevoorzitter')).toEqual(['vice', 'chair']);
  });

  it('finds another form of a listed word of a known language by its stem, and only in that language', () => {
    const spanish = createGlossary({ groups: [], translations: [{ word: 'fundado', english: ['founded'], lang: 'es' }] });
    expect(spanish.englishFor('fundo', 'es')).toEqual(['founded']);
    expect(spanish.englishFor('fundada', 'es')).toEqual(['founded']);
    expect(spanish.englishFor('fundo')).toEqual([]);
    expect(spanish.englishFor('fundo', 'it')).toEqual([]);
  });

  it('knows the language data without any vocabulary: peoples and countries, spellings', () => {
    const bare = createGlossary({ groups: [], translations: [] });
    expect(bare.equivalentsOf('finnish')).toEqual(['finland', 'finns']);
    expect(bare.equivalentsOf('finns')).toEqual(['finnish', 'finland']);
    // A first name is no people's noun: "Finn Larsen" stays a name.
    expect(bare.equivalentsOf('finn')).toEqual([]);
    expect(bare.equivalentsOf('adviser')).toEqual(['advisor']);
    expect(bare.synonymsOf('aim')).toEqual([]);
  });
});

describe('the module-level glossary functions', () => {
  afterAll(() => useDomainVocabulary({ groups: [], translations: [] }));

  it('use the vocabulary handed to useDomainVocabulary, here the bundled synonyms.yml', () => {
    useDomainVocabulary(loadSynonyms(BUNDLED_KNOWLEDGE));
    expect(synonymsOf('aim')).toEqual(expect.arrayContaining(['goal', 'objective']));
    expect(englishFor('leden')).toEqual(['members']);
    expect(equivalentsOf('dutch')).toEqual(['netherlands', 'holland', 'dutchman', 'dutchmen']);
  });
});

describe('namesCountry', () => {
  it('knows a country and its people by the demonyms of the language data, and nothing else', () => {
    expect(namesCountry('polish')).toBe(true);
    expect(namesCountry('poland')).toBe(true);
    expect(namesCountry('finnish')).toBe(true);
    expect(namesCountry('polished')).toBe(false);
    expect(namesCountry('network')).toBe(false);
  });
});

describe('namesPlace', () => {
  it('knows countries, their people and the cities of the place-name data', () => {
    expect(namesPlace('polish')).toBe(true);
    expect(namesPlace('munchen')).toBe(true);
    expect(namesPlace('harbour')).toBe(false);
  });
});
