import { isStopword, isStopwordTypo, terms } from '../../src/text/analyze';

describe('stop words', () => {
  it("drop chat's hedges and discourse markers, in every supported language", () => {
    expect(terms('what does eurocities actually do these days, pls?', 'en')).toEqual(['euroc', 'dai']);
    for (const [word, lang] of [['eigenlijk', 'nl'], ['eigentlich', 'de'], ['vraiment', 'fr'], ['realmente', 'es'], ['davvero', 'it']] as const) {
      expect(isStopword(word, lang)).toBe(true);
    }
    expect(isStopword('doet', 'nl')).toBe(true);
  });
});

describe('isStopwordTypo', () => {
  it('knows a function word with one letter left out, added or swapped', () => {
    for (const word of ['wich', 'teh', 'waht', 'thier', 'hwo']) expect(isStopwordTypo(word, 'en')).toBe(true);
  });

  it('never takes a word one letter replaced for a function word, nor a long or short one', () => {
    for (const word of ['fee', 'cost', 'tram', 'budget', 'ab', 'membership']) expect(isStopwordTypo(word, 'en')).toBe(false);
  });
});
