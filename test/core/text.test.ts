import fc from 'fast-check';
import { isContentWord, isStopword, stem, terms, words } from '../../src/text/analyze';
import { fold, foldedWords } from '../../src/text/fold';
import { detectLang, SUPPORTED_LANGS } from '../../src/text/lang';
import { splitSentences } from '../../src/text/sentences';
import type { Lang } from '../../src/types';

describe('fold', () => {
  it.each([
    ['Düsseldorf', 'dusseldorf'],
    ['Malmö', 'malmo'],
    ['Kraków', 'krakow'],
    ['Wrocław', 'wroclaw'],
    ['Straße', 'strasse'],
    ['LINKÖPING', 'linkoping'],
    ['Gijón', 'gijon'],
    ['Øresund', 'oresund'],
    ['Cœur', 'coeur'],
  ])('folds %s to %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('treats the composed and decomposed forms of a letter alike', () => {
    expect(fold('Malm\u00f6')).toBe(fold('Malmo\u0308'));
  });

  it('turns typographic apostrophes into plain ones', () => {
    expect(fold('Finland’s')).toBe("finland's");
  });

  // Capital letters whose lower case is a special letter (Ð → ð, Þ → þ, ẞ → ß) are folded only halfway
  // by one pass; these are the only three code points where fold(fold(x)) !== fold(x).
  it.each([
    ['Ð', 'd'],
    ['Þ', 'th'],
    ['ẞ', 'ss'],
  ])('folds the capital %s fully in one pass, to %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('is idempotent for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => fold(fold(s)) === fold(s)),
      { numRuns: 500 },
    );
  });

  it('is idempotent for strings built from accented and special letters', () => {
    const letters = fc.constantFrom(...'aäåáàâãæçčćđéèêëíìîïıłñńóòôöøœřšßşţúùûüýžþð ÄÅÆÇÉÑÖØŒÜÐÞẞ'.split(''));
    fc.assert(fc.property(fc.array(letters, { maxLength: 40 }).map((a) => a.join('')), (s) => fold(fold(s)) === fold(s)));
  });

  it('splits folded words on punctuation and keeps numbers with decimals', () => {
    expect(foldedWords('Aix-Marseille-Provence, 2.5 km')).toEqual(['aix', 'marseille', 'provence', '2.5', 'km']);
  });
});

describe('stem', () => {
  const inflected: [Lang, string, string][] = [
    ['en', 'priorities', 'priority'],
    ['en', 'connecting', 'connected'],
    ['nl', 'overheden', 'overheid'],
    ['nl', 'gemeentelijke', 'gemeentelijk'],
    ['fr', 'villes', 'ville'],
    ['fr', 'réseaux', 'réseau'],
    ['fr', 'gouvernements', 'gouvernement'],
    ['de', 'Städte', 'Stadt'],
    ['de', 'Mitglieder', 'Mitglied'],
    ['de', 'Regierungen', 'Regierung'],
    ['es', 'miembros', 'miembro'],
    ['it', 'membri', 'membro'],
    ['it', 'governi', 'governo'],
  ];

  it.each(inflected)('stems %s "%s" and "%s" to the same stem', (lang, a, b) => {
    expect(stem(fold(a), lang)).toBe(stem(fold(b), lang));
  });

  it('uses each language its own stemmer ("steden" is a Dutch plural, not an English word)', () => {
    expect(stem('steden', 'nl')).not.toBe(stem('steden', 'en'));
  });

  it('leaves numbers as they are', () => {
    expect(stem('2015', 'en')).toBe('2015');
    expect(stem('159', 'nl')).toBe('159');
  });

  it('gives folded stems, so an accented word matches its unaccented spelling', () => {
    expect(stem(fold('réseaux'), 'fr')).toBe(stem('reseaux', 'fr'));
  });
});

describe('stop words', () => {
  it.each([
    ['en', 'the'],
    ['nl', 'het'],
    ['fr', 'les'],
    ['de', 'und'],
    ['es', 'los'],
    ['it', 'della'],
  ] as [Lang, string][])('knows %s "%s" is a stop word', (lang, word) => {
    expect(isStopword(word, lang)).toBe(true);
    expect(isContentWord(word, lang)).toBe(false);
  });

  it.each([
    ['en', 'network'],
    ['nl', 'netwerk'],
    ['fr', 'reseau'],
    ['de', 'stadt'],
    ['es', 'ciudad'],
    ['it', 'comune'],
  ] as [Lang, string][])('keeps %s "%s" as a content word', (lang, word) => {
    expect(isStopword(word, lang)).toBe(false);
    expect(isContentWord(word, lang)).toBe(true);
  });

  it('has a stop word list for every supported language', () => {
    for (const lang of SUPPORTED_LANGS) expect(['the', 'de', 'les', 'und', 'los', 'della'].some((w) => isStopword(w, lang))).toBe(true);
  });

  it('drops stop words and lone letters from index terms and stems the rest', () => {
    expect(terms('The priorities of a network', 'en')).toEqual([stem('priorities', 'en'), stem('network', 'en')]);
  });
});

describe('words', () => {
  it('spells out "E.g." so a question about an example finds it', () => {
    expect(words('E.g. participatory budgeting')).toEqual(['example', 'participatory', 'budgeting']);
  });

  it('drops thousands separators from numbers', () => {
    expect(words('1,000 cities')).toEqual(['1000', 'cities']);
  });
});

describe('splitSentences', () => {
  it('splits on sentence-ending punctuation followed by a capital', () => {
    expect(splitSentences('The forum meets. It ended! Really? Yes.')).toEqual(['The forum meets.', 'It ended!', 'Really?', 'Yes.']);
  });

  it('does not split after "E.g."', () => {
    expect(splitSentences('E.g. Participatory budgeting is one. Another follows.')).toEqual([
      'E.g. Participatory budgeting is one.',
      'Another follows.',
    ]);
  });

  it('does not split after "Dr." or after initials', () => {
    expect(splitSentences('Dr. Smith met J. K. Rowling in 2015. They talked.')).toEqual(['Dr. Smith met J. K. Rowling in 2015.', 'They talked.']);
  });

  it('does not split inside decimals', () => {
    expect(splitSentences('The rate rose to 2.5 percent. Then it fell.')).toEqual(['The rate rose to 2.5 percent.', 'Then it fell.']);
  });

  it('does not split after "St." in a place name', () => {
    expect(splitSentences('Members include St. Etienne and Nantes. Next one.')).toEqual(['Members include St. Etienne and Nantes.', 'Next one.']);
  });

  it('treats line breaks as sentence boundaries', () => {
    expect(splitSentences('First line without a stop\nSecond line')).toEqual(['First line without a stop', 'Second line']);
  });
});

describe('detectLang', () => {
  it('detects Dutch and English questions among the knowledge languages', () => {
    expect(detectLang('Wie is de contactpersoon bij het netwerk van steden?', ['en', 'nl'])).toBe('nl');
    expect(detectLang('Who is the staff contact of the network?', ['en', 'nl'])).toBe('en');
  });

  it('returns the only language when the knowledge holds one', () => {
    expect(detectLang('Wie is de voorzitter?', ['en'])).toBe('en');
  });
});
