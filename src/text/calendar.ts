import { fold } from './fold';
import { SUPPORTED_LANGS } from './lang';

const MONTHS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2020, m, 15)));
// 6 January 2020 was a Monday.
const WEEKDAYS = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2020, 0, 6 + d)));

/**
 * The languages whose month and weekday names mark a date. Not Portuguese: "março" folds to "marco", a given name
 * ("Marco Bianchi chairs the forum" would hold a date), and "maio" likewise; a Portuguese text's dates still count by
 * their years and day numbers.
 */
const CALENDAR_LANGS = SUPPORTED_LANGS.filter((lang) => lang !== 'pt');

/** Folded names from Intl.DateTimeFormat in the calendar's languages (no hand-typed lists). */
function namesOf(dates: readonly Date[], option: Intl.DateTimeFormatOptions): string[] {
  const names = new Set<string>();
  for (const lang of CALENDAR_LANGS) {
    const format = new Intl.DateTimeFormat(lang, { ...option, timeZone: 'UTC' });
    for (const date of dates) names.add(fold(format.format(date)).replace(/\.$/, ''));
  }
  return [...names];
}

const wordsRe = (words: readonly string[]): RegExp => new RegExp(`\\b(${words.join('|')})\\b`, 'i');

/** Month names of every supported language ("march", "maart", "mars", "marz", "marzo"), folded. */
export const MONTH_RE = wordsRe(namesOf(MONTHS, { month: 'long' }));
/** Weekday names of every supported language, folded. */
export const WEEKDAY_RE = wordsRe(namesOf(WEEKDAYS, { weekday: 'long' }));
