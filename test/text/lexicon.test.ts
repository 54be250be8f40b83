import { stem, terms, words } from '../../src/text/analyze';
import {
  antonymIndexTerms,
  antonymIndexTermsOfWord,
  buildLexicalLinks,
  type LexicalLinks,
  isLemmaTerm,
  lookupTermsOfWord,
  phraseLinks,
  relatedIndexTerms,
  relatedIndexTermsOfWord,
} from '../../src/text/lexicon';
import { wordNetFromLists } from '../../src/text/wordnet';

/** Index terms and surface words of some English text, as an index over it would hold them. */
function indexed(text: string): { vocabulary: string[]; words: string[] } {
  return { vocabulary: terms(text, 'en'), words: words(text) };
}

const table = wordNetFromLists({
  lemmas: {
    decide: ['verb'], decision: ['noun'], aim: ['noun', 'verb'], goal: ['noun'], objective: ['noun', 'adj'],
    small: ['adj'], large: ['adj'], big: ['adj'], invent: ['verb'], devise: ['verb'], 'think up': ['verb'],
    'come up with': ['verb'], man: ['noun'], woman: ['noun'], tree: ['noun'],
  },
  synsets: [['aim', 'goal', 'objective'], ['large', 'big'], ['invent', 'devise', 'think up', 'come up with']],
  derived: [['decide', 'decision']],
  antonyms: [['small', 'large'], ['man', 'woman']],
});

describe('buildLexicalLinks', () => {
  const text = indexed('The board decided on its goals. It devised the largest plan for women.');
  const links = buildLexicalLinks(text.vocabulary, { words: text.words, table });

  it('knows which index terms are words WordNet knows, and which are names it lacks', () => {
    const named = indexed('Anna Weiss devised the plan with the board.');
    const withNames = buildLexicalLinks(named.vocabulary, { words: named.words, table });
    expect(isLemmaTerm(withNames, stem('devised', 'en'))).toBe(true);
    expect(isLemmaTerm(withNames, stem('weiss', 'en'))).toBe(false);
  });

  it('links a word to an indexed synonym', () => {
    expect(relatedIndexTerms(links, stem('aim', 'en'))).toEqual([{ term: stem('goals', 'en'), kind: 'synonym' }]);
  });

  it('links a derived form to the indexed word ("decision" → decided)', () => {
    expect(relatedIndexTerms(links, stem('decision', 'en'))).toEqual([{ term: stem('decided', 'en'), kind: 'derived' }]);
  });

  it('links antonyms apart from related words, through base forms ("small" ↔ largest, "man" ↔ women)', () => {
    expect(antonymIndexTerms(links, stem('small', 'en'))).toEqual([stem('largest', 'en')]);
    expect(antonymIndexTerms(links, stem('man', 'en'))).toEqual([stem('women', 'en')]);
    expect(relatedIndexTerms(links, stem('small', 'en'))).toEqual([]);
  });

  it('gives an irregular form its base form\'s links under its own term ("men" ↔ women)', () => {
    expect(antonymIndexTerms(links, stem('men', 'en'))).toEqual([stem('women', 'en')]);
  });

  it('links a collocation in the question to an indexed word ("came up with" → devised)', () => {
    const found = phraseLinks(links, words('Who came up with the plan?'));
    expect(found).toEqual([{ start: 1, end: 4, phrase: 'come up with', links: [{ term: stem('devised', 'en'), kind: 'synonym' }] }]);
  });

  it('keeps only links that reach the index vocabulary', () => {
    expect(relatedIndexTerms(links, stem('tree', 'en'))).toEqual([]);
    expect(Object.keys(links.related)).not.toContain(stem('goals', 'en'));
    expect(links.terms.every((t) => text.vocabulary.includes(t))).toBe(true);
  });

  it('survives a JSON round trip unchanged', () => {
    const copy = JSON.parse(JSON.stringify(links)) as LexicalLinks;
    expect(relatedIndexTerms(copy, stem('decision', 'en'))).toEqual(relatedIndexTerms(links, stem('decision', 'en')));
    expect(copy).toEqual(links);
  });

  it('treats keys that are names of Object.prototype members as plain words', () => {
    expect(relatedIndexTerms(links, 'constructor')).toEqual([]);
    expect(antonymIndexTerms(links, '__proto__')).toEqual([]);
  });

  it('finds the index terms of a vocabulary without surface words too, through stems and morphy', () => {
    const loose = buildLexicalLinks(text.vocabulary, { table });
    expect(relatedIndexTerms(loose, stem('aim', 'en'))).toEqual([{ term: stem('goals', 'en'), kind: 'synonym' }]);
    expect(antonymIndexTerms(loose, stem('small', 'en'))).toEqual([stem('largest', 'en')]);
  });
});

describe('the maintainers\' synonym groups in the links', () => {
  const text = indexed('Ada Quist invented the harbour crane.');
  const links = buildLexicalLinks(text.vocabulary, { words: text.words, table, synonymGroups: [{ words: ['hit upon', 'invent'] }, { words: ['quay', 'harbour'] }] });

  it('links a phrase WordNet lacks to an indexed word of its group, whatever the inflection of its first word', () => {
    expect(phraseLinks(links, words('Who hits upon cranes?'))).toEqual([
      { start: 1, end: 3, phrase: 'hit upon', links: [{ term: stem('invented', 'en'), kind: 'synonym' }] },
    ]);
  });

  it('links a word of a group to an indexed word of the group', () => {
    expect(relatedIndexTerms(links, stem('quay', 'en'))).toEqual([{ term: stem('harbour', 'en'), kind: 'synonym' }]);
  });
});

describe("a phrase WordNet knows, in a maintainers' group", () => {
  it("links only to the group's words: the maintainers say what it means here", () => {
    const text = indexed('Ada Quist invented the crane and devised the quay.');
    const wordNetOnly = buildLexicalLinks(text.vocabulary, { words: text.words, table });
    expect(phraseLinks(wordNetOnly, words('who came up with cranes?'))[0].links.map((l) => l.term)).toEqual(expect.arrayContaining([stem('invented', 'en'), stem('devised', 'en')]));
    const grouped = buildLexicalLinks(text.vocabulary, { words: text.words, table, synonymGroups: [{ words: ['come up with', 'devise'] }] });
    expect(phraseLinks(grouped, words('who came up with cranes?'))[0].links).toEqual([{ term: stem('devised', 'en'), kind: 'synonym' }]);
  });
});

describe('a phrase of a synonym group that the documents write', () => {
  const text = indexed('Cranes are changing the port authority at every quay.');
  const links = buildLexicalLinks(text.vocabulary, { words: text.words, table, synonymGroups: [{ words: ['port authority', 'harbour office', 'dock board', 'harbourmaster'] }] });

  it('is reached by the group\'s other phrases, through all of its words', () => {
    expect(phraseLinks(links, words('who runs the harbour office?'))).toEqual([
      {
        start: 3,
        end: 5,
        phrase: 'harbour office',
        links: [
          { term: stem('port', 'en'), kind: 'synonym' },
          { term: stem('authority', 'en'), kind: 'synonym' },
        ],
      },
    ]);
  });

  it('is no link of a one-word member: its words alone would stand for it ("harbourmaster" would reach any "port")', () => {
    expect(relatedIndexTerms(links, stem('harbourmaster', 'en'))).toEqual([]);
  });

  it('links nothing for itself, so that the question that writes it matches its words as written', () => {
    expect(phraseLinks(links, words('who runs the port authority?'))).toEqual([]);
  });
});

describe('lookups by surface word', () => {
  const text = indexed('It is the largest city. The network was established in 1986.');
  const links = buildLexicalLinks(text.vocabulary, { words: text.words });

  it('looks a word up under its own term and the terms of its possible base forms', () => {
    expect(lookupTermsOfWord('smallest')).toEqual(expect.arrayContaining(['smallest', 'small']));
  });

  it('finds an antonym in the bundled WordNet ("smallest" ↔ largest)', () => {
    expect(antonymIndexTermsOfWord(links, 'smallest')).toContain(stem('largest', 'en'));
  });

  it('finds a synonym in the bundled WordNet ("founded" → established)', () => {
    expect(relatedIndexTermsOfWord(links, 'founded')).toContainEqual({ term: stem('established', 'en'), kind: 'synonym' });
  });
});
