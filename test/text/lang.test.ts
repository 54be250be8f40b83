import { detectLang, spokenLang } from '../../src/text/lang';

describe('spokenLang', () => {
  it('names the language of a question among all supported ones, also one the knowledge lacks', () => {
    expect(spokenLang('¿Cuándo se fundó la red europea de Living Labs?')).toBe('es');
    expect(spokenLang("Qui est la personne de contact chez EUROCITIES ?")).toBe('fr');
    expect(spokenLang('Wer ist die stellvertretende Vorsitzende?')).toBe('de');
    expect(detectLang('¿Cuándo se fundó la red europea de Living Labs?', ['en', 'nl'])).not.toBe('es');
  });

  it('says nothing when the detector is unsure, as for a short English question', () => {
    expect(spokenLang('vice chair')).toBeNull();
    expect(spokenLang('kiev member?')).toBeNull();
  });
});
