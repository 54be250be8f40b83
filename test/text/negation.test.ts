import { words } from '../../src/text/analyze';
import { hasNegation } from '../../src/text/negation';

// The rule behind the negation_mismatch feature: general.ts compares the question's reading with each sentence's.
describe('hasNegation', () => {
  it('finds a negation among folded words, contracted forms included', () => {
    expect(hasNegation(['did', 'it', 'not', 'infringe'], 'en')).toBe(true);
    expect(hasNegation(words("The court found it didn't infringe."), 'en')).toBe(true);
    expect(hasNegation(words('The court found that it infringed.'), 'en')).toBe(false);
  });

  it('reads the negations of the language given', () => {
    expect(hasNegation(words('Es ist nicht so.'), 'de')).toBe(true);
    expect(hasNegation(words('Het is niet zo.'), 'nl')).toBe(true);
    expect(hasNegation(words('Het is niet zo.'), 'en')).toBe(false);
  });
});
