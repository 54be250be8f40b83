import { bitCount, FEATURE_NAMES, antonymWithoutWord, largestMissing, lengthFeature, maskWeight, noFeatures, numberMismatch, numbersIn } from '../../src/answer/features';

describe('answer features', () => {
  it('starts every feature at 0, one per name', () => {
    const f = noFeatures();
    expect(Object.keys(f)).toEqual([...FEATURE_NAMES]);
    expect(Object.values(f).every((v) => v === 0)).toBe(true);
  });

  it('sums the weights of the question words a mask holds', () => {
    expect(maskWeight(0b101, [1, 10, 100])).toBe(101);
    expect(maskWeight(0, [1, 2])).toBe(0);
    expect(bitCount(0b1011)).toBe(3);
  });

  it('finds the largest weight of a question word left uncovered', () => {
    expect(largestMissing(0b011, 3, [5, 1, 2])).toBe(2);
    expect(largestMissing(0b111, 3, [5, 1, 2])).toBe(0);
  });

  it('sees an antonym of a question word only when the word itself is absent', () => {
    // Question words: 0 "uk", 1 "smallest"; the candidate holds "largest", the antonym of word 1.
    expect(antonymWithoutWord(0b10, 0b01)).toBe(true);
    expect(antonymWithoutWord(0b10, 0b11)).toBe(false);
    expect(antonymWithoutWord(0, 0b01)).toBe(false);
  });

  it('sees a number of the question that the candidate replaces by another', () => {
    expect(numbersIn('In 1,000 cities, 3.5% and 1986')).toEqual(['1000', '3.5', '1986']);
    expect(numberMismatch(['1998'], numbersIn('It was founded in 2006.'))).toBe(true);
    expect(numberMismatch(['1998'], numbersIn('It was founded in 1998.'))).toBe(false);
    expect(numberMismatch(['1998'], numbersIn('It was founded long ago.'))).toBe(false);
    expect(numberMismatch([], numbersIn('It was founded in 2006.'))).toBe(false);
  });

  it('puts the length on a log scale from 0 to 1', () => {
    expect(lengthFeature(1, 400)).toBe(0);
    expect(lengthFeature(400, 400)).toBeCloseTo(1);
    expect(lengthFeature(20, 400)).toBeGreaterThan(lengthFeature(10, 400));
  });
});
