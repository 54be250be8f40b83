import type { Lang } from '../types';

/** Languages the pipeline stems and filters stop words for. */
export const SUPPORTED_LANGS: readonly Lang[] = ['en', 'nl', 'fr', 'de', 'es', 'it', 'pt'];

export const LANG_NAMES: Record<Lang, string> = {
  en: 'English', nl: 'Dutch', fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese',
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (SUPPORTED_LANGS as readonly string[]).includes(value);
}

let detector: typeof import('tinyld') | undefined;

/**
 * tinyld, loaded on first use: its n-gram tables take about 0.3 s of CPU to load, which `npm start` would otherwise
 * pay before the first prompt even when every document names its language.
 */
function tinyld(): typeof import('tinyld') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  detector ??= require('tinyld') as typeof import('tinyld');
  return detector;
}

/** Loads the language detector now (after the prompt is up), so the first question does not wait for it. */
export function preloadLanguageDetector(): void {
  tinyld();
}

/**
 * Detects the language of a question among `candidates` (the languages the knowledge holds).
 * tinyld: n-gram detector with no model download, CommonJS, ~microseconds per call, maintained;
 * restricting it to the knowledge's languages makes short questions far more reliable.
 */
export function detectLang(text: string, candidates: readonly Lang[], fallback: Lang = 'en'): Lang {
  if (candidates.length <= 1) return candidates[0] ?? fallback;
  const found = tinyld().detect(text, { only: [...candidates] });
  return isLang(found) ? found : fallback;
}

/**
 * The language a question is written in, among all supported languages (not only the knowledge's), or null when
 * the detector is unsure: a French question put to English and Dutch documents still has French function words.
 * tinyld's accuracy is near 1 or under 0.35 for the questions of test/eval (short English ones such as "vice chair"
 * score 0.04–0.33 for another language), so half of it separates the two.
 */
export function spokenLang(text: string): Lang | null {
  const best = likeliestLang(text);
  return best?.sure ? best.lang : null;
}
const SURE_ACCURACY = 0.5;
const DETECTED_LANGS = [...SUPPORTED_LANGS];

/** The supported language tinyld finds likeliest for a text, and whether it is sure of it (null when it finds none). */
export function likeliestLang(text: string): { lang: Lang; sure: boolean } | null {
  const [best] = tinyld().detectAll(text, { only: DETECTED_LANGS });
  return best && isLang(best.lang) ? { lang: best.lang, sure: best.accuracy >= SURE_ACCURACY } : null;
}
