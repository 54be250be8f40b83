import { isStopword, isStopwordTypo } from '../../src/text/analyze';

describe('stop words', () => {
  it("include the auxiliaries of questions natural's lists lack ('wat doet X?')", () => {
    for (const [word, lang] of [['doet', 'nl'], ['fait', 'fr'], ['tut', 'de'], ['hace', 'es'], ['fa', 'it']] as const) expect(isStopword(word, lang)).toBe(true);
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
