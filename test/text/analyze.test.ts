import { isStopword, isStopwordTypo, writtenAsAbbreviation } from '../../src/text/analyze';

describe('stop words', () => {
  it("include the auxiliaries of questions natural's lists lack ('wat doet X?'), not English homographs ('font')", () => {
    for (const [word, lang] of [['doet', 'nl'], ['tut', 'de'], ['hace', 'es'], ['fa', 'it'], ['whether', 'en']] as const) expect(isStopword(word, lang)).toBe(true);
    expect(isStopword('font', 'fr')).toBe(false);
  });
});

describe('isStopwordTypo', () => {
  it('knows a function word with one letter left out or two letters swapped', () => {
    for (const word of ['wich', 'teh', 'waht', 'thier', 'hwo', 'abut']) expect(isStopwordTypo(word, 'en')).toBe(true);
  });

  it('never takes a word one letter added or replaced for a function word ("hall" is no "all"), nor a long or short one', () => {
    for (const word of ['hall', 'hero', 'hours', 'town', 'four', 'fee', 'cost', 'tram', 'budget', 'ab', 'membership']) expect(isStopwordTypo(word, 'en')).toBe(false);
  });
});

describe('writtenAsAbbreviation', () => {
  it('reads two or more capitals, the first leading, as an abbreviation, plural and mixed case included', () => {
    for (const word of ['EC', 'OASC', 'NGOs', 'CoR', 'ENoLL']) expect(writtenAsAbbreviation(word)).toBe(true);
  });

  it('does not read a capitalised word or one in lower case as one', () => {
    for (const word of ['Council', 'ngos', 'eC', 'A', 'McDonald', 'DeWitt', 'MacArthur']) expect(writtenAsAbbreviation(word)).toBe(false);
  });
});
