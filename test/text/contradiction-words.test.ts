import { words } from '../../src/text/analyze';
import { hasNegation, hasSequenceWord } from '../../src/text/contradiction-words';

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

// The rule behind the sequence_missing feature.
describe('hasSequenceWord', () => {
  it('finds a word that places something before or after another, in the language given', () => {
    expect(hasSequenceWord(words('Who was vice chair before Laia Bonet?'), 'en')).toBe(true);
    expect(hasSequenceWord(words('Wie is de volgende voorzitter?'), 'nl')).toBe(true);
    expect(hasSequenceWord(words('Qui était le président précédent ?'), 'fr')).toBe(true);
    expect(hasSequenceWord(words('Wie is de volgende voorzitter?'), 'en')).toBe(false);
  });

  it('leaves out words of duration, which a sentence answers with a date', () => {
    expect(hasSequenceWord(words('Since when does the network exist?'), 'en')).toBe(false);
    expect(hasSequenceWord(words('Who is the vice chair?'), 'en')).toBe(false);
  });
});
