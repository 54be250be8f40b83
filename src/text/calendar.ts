import type { Lang } from '../types';
import SEASONS from './data/seasons.json';
import { escapeRegExp } from './escape-regexp';

const MONTHS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2020, m, 15)));
// 6 January 2020 was a Monday.
const WEEKDAYS = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2020, 0, 6 + d)));

/** Month and weekday names of a language as Intl.DateTimeFormat writes them (no hand-typed lists). */
function calendarNames(lang: Lang): string[] {
  const months = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  const weekdays = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  return [...MONTHS.map((d) => months.format(d)), ...WEEKDAYS.map((d) => weekdays.format(d))].map((name) => name.normalize('NFC'));
}

/** Whole words only: a letter or digit on neither side ("Mayor", "marching" name no month). */
const wordsRe = (words: readonly string[], flags: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, `u${flags}`);

/**
 * The words that name a time of year or week in one language. Names are matched with their accents, so the Portuguese
 * "março" is not the given name "Marco". Where the language writes them capitalised (English, German), only so: a
 * lower-case "may", "march" or "august" is another word, and so is one in capitals ("CITIES MAY APPLY").
 */
function calendarRes(lang: Lang): RegExp[] {
  const names = calendarNames(lang);
  const capitalised = names.every((name) => name[0] !== name[0].toLowerCase());
  const seasons = wordsRe(SEASONS[lang].map((s) => s.normalize('NFC')), 'i');
  return [capitalised ? wordsRe(names, '') : wordsRe(names, 'i'), seasons];
}

const RES = new Map<Lang, RegExp[]>();
const resOf = (lang: Lang): RegExp[] => {
  let res = RES.get(lang);
  if (!res) RES.set(lang, (res = calendarRes(lang)));
  return res;
};

/**
 * Whether a text names a month, a weekday or a season in its own language or in English (which texts of every
 * language quote): never in a third language, where "mars", "mayo" or "estate" are other words.
 */
export function namesCalendarTime(text: string, lang: Lang): boolean {
  const nfc = text.normalize('NFC');
  if (resOf(lang).some((re) => re.test(nfc))) return true;
  return lang !== 'en' && resOf('en').some((re) => re.test(nfc));
}
