import { bestNameMatches, nameMatch, wordsClose } from '../../src/answer/names';

describe('wordsClose', () => {
  it('accepts the same word, of any length', () => {
    expect(wordsClose('rome', 'rome')).toBe(true);
    expect(wordsClose('a', 'a')).toBe(true);
  });

  it('accepts one typo from five letters on and two from nine', () => {
    expect(wordsClose('odesa', 'odessa')).toBe(true);
    expect(wordsClose('helsinki', 'helsinky')).toBe(true);
    expect(wordsClose('barcelona', 'barcelnoa')).toBe(true);
    expect(wordsClose('barcelona', 'barselonna')).toBe(true);
    expect(wordsClose('eindhoven', 'iendhofen')).toBe(true);
  });

  it('rejects two typos under nine letters, and three at any length', () => {
    expect(wordsClose('helsinki', 'hellsinky')).toBe(false);
    expect(wordsClose('amsterdam', 'rotterdam')).toBe(false);
    expect(wordsClose('barcelona', 'barselonnna')).toBe(false);
  });

  it('rejects different words when the shorter has four letters or fewer, however alike', () => {
    expect(wordsClose('rome', 'roma')).toBe(false);
    expect(wordsClose('bonn', 'bern')).toBe(false);
    expect(wordsClose('gent', 'ghent')).toBe(false);
    expect(wordsClose('ghent', 'gent')).toBe(false);
  });
});

describe('nameMatch', () => {
  it('scores an exact name 1, whatever its case, accents, hyphens or spaces', () => {
    expect(nameMatch('Düsseldorf', 'Dusseldorf')).toBe(1);
    expect(nameMatch('WROCŁAW', 'Wrocław')).toBe(1);
    expect(nameMatch('cluj napoca', 'Cluj-Napoca')).toBe(1);
    // "and" for the listed "&".
    expect(nameMatch('brighton and hove', 'Brighton & Hove')).toBeGreaterThanOrEqual(0.8);
    expect(nameMatch('ClujNapoca', 'Cluj-Napoca')).toBe(1);
  });

  it('accepts a small typo or a local form that extends the listed name, closer names scoring higher', () => {
    const scores = [['Odessa', 'Odessa'], ['Odesa', 'Odessa'], ['Antwerpen', 'Antwerp'], ['Odessa', 'Odessa Oblast Regional Council']].map(([t, l]) => nameMatch(t, l));
    expect(scores[3]).toBeGreaterThan(0);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]);
  });

  it('rejects a different short name', () => {
    expect(nameMatch('Rome', 'Roma')).toBe(0);
    expect(nameMatch('Bonn', 'Bern')).toBe(0);
    expect(nameMatch('Gent', 'Genk')).toBe(0);
    expect(nameMatch('Amsterdam', 'Rotterdam')).toBe(0);
  });

  it('matches nothing for an empty name or one made only of generic words', () => {
    expect(nameMatch('', 'Turin')).toBe(0);
    expect(nameMatch('Turin', '')).toBe(0);
    expect(nameMatch('the city', 'City of Turin')).toBe(0);
  });

  it('matches part of a multi-word name when every typed word is in it, a larger share scoring higher', () => {
    const whole = nameMatch('Marseille Provence', 'Aix-Marseille-Provence Metropole');
    const part = nameMatch('Marseille', 'Aix-Marseille-Provence Metropole');
    expect(part).toBeGreaterThanOrEqual(0.8);
    expect(whole).toBeGreaterThan(part);
    expect(whole).toBeLessThan(0.95);
  });

  it('ignores generic words typed with a name', () => {
    expect(nameMatch('City of Marseille', 'Aix-Marseille-Provence Metropole')).toBe(nameMatch('Marseille', 'Aix-Marseille-Provence Metropole'));
  });

  it('rejects a multi-word name when one typed word is missing from the listed name', () => {
    expect(nameMatch('Reggio Emilia', 'Reggio Calabria')).toBe(0);
    expect(nameMatch('Frankfurt am Main', 'Frankfurt')).toBe(0);
  });

  it('scores a typo inside a multi-word name below the exact word', () => {
    const typo = nameMatch('Marseile', 'Aix-Marseille-Provence');
    expect(typo).toBeGreaterThanOrEqual(0.7);
    expect(typo).toBeLessThan(nameMatch('Marseille', 'Aix-Marseille-Provence'));
  });

  // Generic words such as "city of" say what kind of name it is: a listed name should not lose score for holding them.
  it('scores a listed name with generic words ("City of Marseille") no lower than one with another specific word', () => {
    expect(nameMatch('Marseille', 'City of Marseille')).toBeGreaterThanOrEqual(nameMatch('Marseille', 'Aix Marseille'));
  });
});

describe('bestNameMatches', () => {
  const LISTED = ['Aix-Marseille-Provence Metropole', 'Marseille', 'Munich', 'Genk', 'Ghent', 'Barcelona'];

  it('returns the matching names best first, with their place in the list', () => {
    const matches = bestNameMatches('Marseille', LISTED);
    expect(matches.map((m) => [m.name, m.index])).toEqual([['Marseille', 1], ['Aix-Marseille-Provence Metropole', 0]]);
    expect(matches[0].score).toBe(1);
    expect(matches[1].score).toBeLessThan(1);
  });

  it('leaves out names scoring under `min`', () => {
    expect(bestNameMatches('Marseille', LISTED, 0.9).map((m) => m.name)).toEqual(['Marseille']);
    expect(bestNameMatches('Marseille', LISTED, 1).map((m) => m.name)).toEqual(['Marseille']);
    expect(bestNameMatches('Barcelnoa', LISTED, 0.96)).toEqual([]);
    expect(bestNameMatches('Barcelnoa', LISTED, 0.95).map((m) => m.name)).toEqual(['Barcelona']);
  });

  it('returns nothing when no name is close', () => {
    expect(bestNameMatches('Rotterdam', LISTED)).toEqual([]);
  });

  it('finds a city listed under another of its names, just below an exact match', () => {
    const [munich] = bestNameMatches('München', LISTED);
    expect(munich).toMatchObject({ name: 'Munich', index: 2 });
    expect(munich.score).toBeCloseTo(0.98);
    expect(bestNameMatches('Den Haag', ['The Hague']).map((m) => m.name)).toEqual(['The Hague']);
  });

  it('tells apart short names one letter apart', () => {
    expect(bestNameMatches('Gent', LISTED).map((m) => m.name)).toEqual(['Ghent']);
    expect(bestNameMatches('Genk', LISTED).map((m) => m.name)).toEqual(['Genk']);
  });
});
