import { originalSentences, originalsOf } from '../../src/answer/translation';
import { doc, indexedTree } from '../core/helpers';

const ORIGINAL = 'Het Meerverbond is een verbond van steden aan meren. Het deelt kennis over dijken.';
const TRANSLATION = 'The Lake League is a league of lakeside towns. It shares knowledge of dikes.';

const knowledge = indexedTree(
  {
    'league/league.nl.md': doc({ title: 'Meerverbond', lang: 'nl' }, `# Meerverbond\n\n${ORIGINAL}\n`),
    'league/league.en.md': doc({ title: 'Lake League (English translation)', lang: 'en', translated_from: 'nl' }, `# Lake League\n\n${TRANSLATION}\n`),
    // A translation whose original has another number of sentences: the places say nothing.
    'ferry.nl.md': doc({ title: 'Veerdienst', lang: 'nl' }, '# Veerdienst\n\nDe veerdienst vaart elk uur. Hij vaart niet op zondag. De kaartjes zijn goedkoop.\n'),
    'ferry.en.md': doc({ title: 'Ferry (English translation)', lang: 'en', translated_from: 'nl' }, '# Ferry\n\nThe ferry sails every hour, but not on Sundays.\n'),
    // A translation without its original beside it.
    'orphan.en.md': doc({ title: 'Orphan (English translation)', lang: 'en', translated_from: 'fr' }, '# Orphan\n\nIt was translated from French.\n'),
  },
  'network-qa-translation-',
);

const fileIndex = (file: string) => knowledge.index.documents.findIndex((d) => d.file === file);
const passageOf = (file: string) => knowledge.index.documents[fileIndex(file)].passages[0];

describe('originalsOf', () => {
  it('pairs a translation with the document of its original language at the same path', () => {
    const originals = originalsOf(knowledge.index);
    expect(originals.get(fileIndex('league/league.en.md'))).toBe(fileIndex('league/league.nl.md'));
    expect(originals.get(fileIndex('ferry.en.md'))).toBe(fileIndex('ferry.nl.md'));
    expect(originals.has(fileIndex('orphan.en.md'))).toBe(false);
    expect(originals.has(fileIndex('league/league.nl.md'))).toBe(false);
  });
});

describe('originalSentences', () => {
  it('gives the sentence of the original at the place of the translated one', () => {
    const originals = originalsOf(knowledge.index);
    const passage = passageOf('league/league.en.md');
    expect(originalSentences(knowledge.index, originals, passage, 'It shares knowledge of dikes.')).toBe('Het deelt kennis over dijken.');
    expect(originalSentences(knowledge.index, originals, passage, TRANSLATION)).toBe(ORIGINAL);
  });

  it('quotes a sentence cut to its clauses whole, and nothing for text that is no run of sentences', () => {
    const originals = originalsOf(knowledge.index);
    const passage = passageOf('league/league.en.md');
    expect(originalSentences(knowledge.index, originals, passage, 'It shares knowledge')).toBe('Het deelt kennis over dijken.');
    expect(originalSentences(knowledge.index, originals, passage, 'It shares knowledge of dikes. The Lake League')).toBeNull();
  });

  it('gives nothing when the two do not line up, or for a document that is no translation', () => {
    const originals = originalsOf(knowledge.index);
    expect(originalSentences(knowledge.index, originals, passageOf('ferry.en.md'), 'The ferry sails every hour, but not on Sundays.')).toBeNull();
    expect(originalSentences(knowledge.index, originals, passageOf('league/league.nl.md'), ORIGINAL)).toBeNull();
  });
});
