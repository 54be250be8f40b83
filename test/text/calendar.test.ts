import { MONTH_RE, WEEKDAY_RE } from '../../src/text/calendar';
import { fold } from '../../src/text/fold';

// The regexes hold folded names ("fevrier", "marz", "lunedi"): callers fold a text before testing it (see holdsDate).
const month = (text: string) => MONTH_RE.test(fold(text));
const weekday = (text: string) => WEEKDAY_RE.test(fold(text));

const MONTHS: Record<string, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
};

const WEEKDAYS: Record<string, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  it: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
};

describe('MONTH_RE', () => {
  it.each(Object.entries(MONTHS))('finds every month name of %s inside a folded sentence', (_lang, names) => {
    for (const name of names) expect([name, month(`The meeting took place in ${name} last year.`)]).toEqual([name, true]);
  });

  it('finds accented month names in folded text', () => {
    expect(MONTH_RE.test('fevrier')).toBe(true);
    expect(MONTH_RE.test(fold('Février'))).toBe(true);
    expect(MONTH_RE.test(fold('im MÄRZ 2020'))).toBe(true);
    expect(MONTH_RE.test(fold('en août'))).toBe(true);
  });

  it('takes no given name for a month (Portuguese "março" folds to "marco")', () => {
    expect(month('Marco Bianchi chairs the forum.')).toBe(false);
  });

  it('matches regardless of case', () => {
    expect(MONTH_RE.test('SEPTEMBER')).toBe(true);
    expect(MONTH_RE.test('Maart')).toBe(true);
  });

  it('matches a month name next to punctuation and digits', () => {
    expect(month('(March)')).toBe(true);
    expect(month('1 April, 2020')).toBe(true);
    expect(month('juni-juli')).toBe(true);
  });

  it('does not match a word that merely contains a month name', () => {
    for (const text of ['marching bands', 'the mayor spoke', 'maize fields', 'a junior member', 'Augustine wrote', 'Marseille', 'juniper', 'decembers']) {
      expect([text, month(text)]).toEqual([text, false]);
    }
  });

  it('does not match weekday names or text without a month', () => {
    expect(month('every Monday')).toBe(false);
    expect(month('The council met in 2006.')).toBe(false);
  });
});

describe('WEEKDAY_RE', () => {
  it.each(Object.entries(WEEKDAYS))('finds every weekday name of %s inside a folded sentence', (_lang, names) => {
    for (const name of names) expect([name, weekday(`It opens on ${name} morning.`)]).toEqual([name, true]);
  });

  it('finds accented weekday names in folded text', () => {
    expect(WEEKDAY_RE.test(fold('el miércoles'))).toBe(true);
    expect(WEEKDAY_RE.test(fold('LUNEDÌ'))).toBe(true);
    expect(WEEKDAY_RE.test('sabado')).toBe(true);
  });

  it('does not match a word that merely contains a weekday name', () => {
    for (const text of ['Mondays-only', 'sundayschool', 'lunesta', 'samedis', 'fridays', 'domingos', 'martesana']) {
      expect([text, weekday(text)]).toEqual([text, false]);
    }
  });

  it('does not match month names or text without a weekday', () => {
    expect(weekday('in March')).toBe(false);
    expect(weekday('The office opens at nine.')).toBe(false);
  });
});
