import type { Lang } from '../types';
import NEGATIONS from './data/negations.json';

const byLang = new Map<Lang, ReadonlySet<string>>(
  (Object.keys(NEGATIONS) as (keyof typeof NEGATIONS)[]).filter((k) => k !== '_source').map((k) => [k as Lang, new Set(NEGATIONS[k] as string[])]),
);

/** Whether folded words (as `words()` makes them) hold a negation of `lang` ("not", "niet", "nie"). */
export function hasNegation(folded: Iterable<string>, lang: Lang): boolean {
  const set = byLang.get(lang);
  if (set) for (const w of folded) if (set.has(w)) return true;
  return false;
}
