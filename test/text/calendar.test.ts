import { namesCalendarTime } from '../../src/text/calendar';
import type { Lang } from '../../src/types';

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
};

const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  it: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  pt: ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado', 'domingo'],
};

const langs = Object.keys(MONTHS) as Lang[];

describe('namesCalendarTime', () => {
  it.each(langs)('finds every month and weekday name of %s in a text of that language', (lang) => {
    for (const name of [...MONTHS[lang], ...WEEKDAYS[lang]]) expect([name, namesCalendarTime(`It was decided on ${name}, after the vote.`, lang)]).toEqual([name, true]);
  });

  it.each(langs.filter((lang) => lang !== 'en'))('finds English month names in a %s text too', (lang) => {
    expect(namesCalendarTime('Gepubliceerd in March 2015', lang)).toBe(true);
  });

  it('takes no word of a third language for a month ("mars", "mayo", "estate" in English)', () => {
    expect(namesCalendarTime('The probe reached Mars.', 'en')).toBe(false);
    expect(namesCalendarTime('He moved to County Mayo.', 'en')).toBe(false);
    expect(namesCalendarTime('Real estate prices rose.', 'en')).toBe(false);
    expect(namesCalendarTime('La sonde a atteint Mars.', 'fr')).toBe(true);
  });

  it('takes no lower-case English word for a month where English writes months capitalised', () => {
    for (const text of ['Cities may apply.', 'They march on.', 'an august body', 'the Mayor spoke']) expect([text, namesCalendarTime(text, 'en')]).toEqual([text, false]);
    expect(namesCalendarTime('CITIES MAY APPLY', 'en')).toBe(false);
  });

  it('keeps accents, so a given name is no month ("Marco" is not "março")', () => {
    expect(namesCalendarTime('Marco Bianchi preside o fórum.', 'pt')).toBe(false);
    expect(namesCalendarTime('Marco Bianchi chairs the forum.', 'en')).toBe(false);
    expect(namesCalendarTime('Fundada em março de 2006.', 'pt')).toBe(true);
  });

  it('matches regardless of case in a language that writes months in lower case', () => {
    expect(namesCalendarTime('Maart 2015', 'nl')).toBe(true);
    expect(namesCalendarTime('EN AOÛT', 'fr')).toBe(true);
  });

  it('finds seasons of the text language, in any case', () => {
    expect(namesCalendarTime('In the spring of 2016', 'en')).toBe(true);
    expect(namesCalendarTime('im Frühjahr', 'de')).toBe(true);
    expect(namesCalendarTime("durante l'estate", 'it')).toBe(true);
  });

  it('does not match a word that merely contains a name, nor text without one', () => {
    for (const text of ['marching bands', 'Mayors met', 'Augustine wrote', 'Marseille', 'Mondays-only', 'Sundayschool', 'The council met in 2006.']) {
      expect([text, namesCalendarTime(text, 'en')]).toEqual([text, false]);
    }
    for (const text of ['lunesta', 'martesana', 'domingos']) expect([text, namesCalendarTime(text, 'es')]).toEqual([text, false]);
  });
});
