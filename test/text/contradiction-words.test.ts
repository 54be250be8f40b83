import { words } from '../../src/text/analyze';
import { hasNegation, hasSequenceWord } from '../../src/text/contradiction-words';

// The rule behind the negation_mismatch feature: general.ts compares the question's reading with each sentence's.
describe('hasNegation', () => {
  it('finds a negation among folded words, contracted forms included', () => {
    expect(hasNegation('Did it not infringe?', 'en')).toBe(true);
    expect(hasNegation("The court found it didn't infringe.", 'en')).toBe(true);
    expect(hasNegation('The court found that it infringed.', 'en')).toBe(false);
  });

  it('reads the negations of the language given', () => {
    expect(hasNegation('Es ist nicht so.', 'de')).toBe(true);
    expect(hasNegation('Het is niet zo.', 'nl')).toBe(true);
    expect(hasNegation('Het is niet zo.', 'en')).toBe(false);
  });

  it('reads a hyphenated word as one word, whose parts negate nothing', () => {
    expect(hasNegation('Is OASC a business or a not-for-profit?', 'en')).toBe(false);
    expect(hasNegation('Is OASC not a business?', 'en')).toBe(true);
    expect(hasNegation('Did no-one attend?', 'en')).toBe(true);
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

  it('reads a sequence word after a verb it is the particle of as part of the verb ("looks after")', () => {
    expect(hasSequenceWord(words('Who looks after the EU budget?'), 'en')).toBe(false);
    expect(hasSequenceWord(words('What is the street named after?'), 'en')).toBe(false);
    expect(hasSequenceWord(words('Who looked after the budget after 2010?'), 'en')).toBe(true);
    expect(hasSequenceWord(words('Which country took over after Finland?'), 'en')).toBe(true);
  });
});
