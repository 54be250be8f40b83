import { detect } from 'tinyld';
import type { Lang } from '../types';

/** Languages the pipeline stems and filters stop words for. */
export const SUPPORTED_LANGS: readonly Lang[] = ['en', 'nl', 'fr', 'de', 'es', 'it'];

export const LANG_NAMES: Record<Lang, string> = {
  en: 'English', nl: 'Dutch', fr: 'French', de: 'German', es: 'Spanish', it: 'Italian',
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (SUPPORTED_LANGS as readonly string[]).includes(value);
}

/**
 * Detects the language of a question among `candidates` (the languages the knowledge holds).
 * tinyld: n-gram detector with no model download, CommonJS, ~microseconds per call, maintained;
 * restricting it to the knowledge's languages makes short questions far more reliable.
 */
export function detectLang(text: string, candidates: readonly Lang[], fallback: Lang = 'en'): Lang {
  if (candidates.length <= 1) return candidates[0] ?? fallback;
  const found = detect(text, { only: [...candidates] });
  return isLang(found) ? found : fallback;
}
