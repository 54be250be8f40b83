/**
 * The closed classes of words the answer model's contradiction features read, per supported language: negations
 * ("not", "niet") and words that place something before or after another ("before", "former", "volgende").
 */
import type { Lang } from '../types';
import NEGATIONS from './data/negations.json';
import SEQUENCE_WORDS from './data/sequence-words.json';

/** Per language, the words of a closed class in one of src/text/data's word files. */
function wordsByLang(data: Record<string, unknown>): Map<Lang, ReadonlySet<string>> {
  return new Map(Object.entries(data).filter(([key]) => key !== '_source').map(([lang, list]) => [lang as Lang, new Set(list as string[])]));
}

const NEGATION_WORDS = wordsByLang(NEGATIONS);
const BEFORE_AND_AFTER_WORDS = wordsByLang(SEQUENCE_WORDS);

function holdsAny(folded: Iterable<string>, byLang: Map<Lang, ReadonlySet<string>>, lang: Lang): boolean {
  const set = byLang.get(lang);
  if (set) for (const w of folded) if (set.has(w)) return true;
  return false;
}

/** Whether folded words (as `words()` makes them) hold a negation of `lang` ("not", "niet", "nie"). */
export function hasNegation(folded: Iterable<string>, lang: Lang): boolean {
  return holdsAny(folded, NEGATION_WORDS, lang);
}

/** Whether folded words hold a word of `lang` that places something before or after another ("before", "after", "next"). */
export function hasSequenceWord(folded: Iterable<string>, lang: Lang): boolean {
  return holdsAny(folded, BEFORE_AND_AFTER_WORDS, lang);
}
