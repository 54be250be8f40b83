/**
 * The closed classes of words the answer model's contradiction features read, per supported language: negations
 * ("not", "niet") and words that place something before or after another ("before", "former", "volgende").
 */
import type { Lang } from '../types';
import { words } from './analyze';
import NEGATIONS from './data/negations.json';
import SEQUENCE_WORDS from './data/sequence-words.json';

/** Per language, the words of a closed class in one of src/text/data's word files. */
function wordsByLang(data: Record<string, unknown>): Map<Lang, ReadonlySet<string>> {
  return new Map(Object.entries(data).filter(([key]) => !key.startsWith('_')).map(([lang, list]) => [lang as Lang, new Set(list as string[])]));
}

const NEGATION_WORDS = wordsByLang(NEGATIONS);
const BEFORE_AND_AFTER_WORDS = wordsByLang(SEQUENCE_WORDS);
/** Per language and sequence word, the verbs it is a particle of after them ("looks after"). */
const PARTICLE_OF = new Map(
  Object.entries(SEQUENCE_WORDS._particles).map(([lang, byWord]) => [lang as Lang, new Map(Object.entries(byWord).map(([word, verbs]) => [word, new Set(verbs)]))]),
);

function holdsAny(folded: Iterable<string>, byLang: Map<Lang, ReadonlySet<string>>, lang: Lang): boolean {
  const set = byLang.get(lang);
  if (set) for (const w of folded) if (set.has(w)) return true;
  return false;
}

/**
 * Words joined by hyphens ("not-for-profit", "non-binding"): one word, whose parts negate no clause; but "no-one"
 * is "no one".
 */
const COMPOUND_RE = /\p{L}+(?:[-‐‑]\p{L}+)+/gu;
const NO_ONE_RE = /\bno[-‐‑]one\b/giu;

/**
 * Whether a text negates a clause in `lang` ("not", "niet", "nie", contracted forms included). A negation inside a
 * hyphenated word does not: "is it a not-for-profit?" asks nothing negative.
 */
export function hasNegation(text: string, lang: Lang): boolean {
  return holdsAny(words(text.replace(NO_ONE_RE, 'no one').replace(COMPOUND_RE, ' ')), NEGATION_WORDS, lang);
}

/**
 * Whether folded words hold a word of `lang` that places something before or after another ("before", "after",
 * "next"). Words in order (an array) are read as phrases too: "after" in "who looks after the budget?" is the
 * verb's particle and places nothing.
 */
export function hasSequenceWord(folded: readonly string[] | ReadonlySet<string>, lang: Lang): boolean {
  if (!Array.isArray(folded)) return holdsAny(folded, BEFORE_AND_AFTER_WORDS, lang);
  const set = BEFORE_AND_AFTER_WORDS.get(lang);
  const particles = PARTICLE_OF.get(lang);
  return (folded as readonly string[]).some((w, i) => set?.has(w) && !(i > 0 && particles?.get(w)?.has(folded[i - 1] as string)));
}
