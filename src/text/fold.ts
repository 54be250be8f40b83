/** Letters that Unicode decomposition does not split into base letter + mark. */
const SPECIAL_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd' };
// Applied after lower-casing, so "Ð" and "ẞ" fold the same as "ð" and "ß".
const SPECIAL_RE = /[łøđßæœıþð]/g;
const COMBINING_MARKS_RE = /[\u0300-\u036f]/g;
const TYPOGRAPHIC_RE = /[\u2018\u2019\u201a\u201b\u2032]/g;

/**
 * Case- and diacritic-folds text: "Düsseldorf" → "dusseldorf", "Wrocław" → "wroclaw".
 * Idempotent; keeps string length roughly stable (only special letters such as ß expand).
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS_RE, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(TYPOGRAPHIC_RE, "'");
}

/** Folded words of a text: letters and digits only, in order. */
export function foldedWords(text: string): string[] {
  return fold(text).match(WORD_RE) ?? [];
}

/** A word: a run of letters/digits, allowing inner apostrophes dropped and inner dots in numbers ("2.5"). */
export const WORD_RE = /[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu;
