import { foldedWords } from '../text/fold';
import { editDistance } from '../text/edit-distance';
import { otherPlaceNames } from '../text/placenames';

const allowedEdits = (length: number): number => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

/** Whether two folded words are the same but for a typo: one edit from five letters on, two from nine. */
export function wordsClose(a: string, b: string): boolean {
  if (a === b) return true;
  const edits = allowedEdits(Math.min(a.length, b.length));
  return edits > 0 && Math.abs(a.length - b.length) <= edits && editDistance(a, b, edits) <= edits;
}

// Words that say what kind of name it is rather than which one; and "and", which stands for a listed name's "&"
// ("Brighton and Hove"), dropped by folding.
const GENERIC_NAME_WORDS = new Set(['the', 'city', 'of', 'town', 'municipality', 'region', 'de', 'la', 'le', 'het', 'stad', 'gemeente', 'ville', 'and', 'und', 'et', 'en', 'y', 'e']);

/**
 * How well a name someone typed matches a listed name (0..1), loosely: case, diacritics, small typos
 * and partial names ("Marseille" → "Aix-Marseille-Provence Metropole", "Odesa" → "Odessa").
 */
export function nameMatch(typed: string, listed: string): number {
  const t = foldedWords(typed);
  const l = foldedWords(listed);
  if (!t.length || !l.length) return 0;
  const tj = t.join(' ');
  const lj = l.join(' ');
  if (tj === lj || tj.replace(/ /g, '') === lj.replace(/ /g, '')) return 1;
  const tc = tj.replace(/ /g, '');
  const lc = lj.replace(/ /g, '');
  if (wordsClose(tc, lc)) return 0.95;
  // A local form that extends the listed one: "Antwerpen" → "Antwerp".
  const [short, long] = tc.length < lc.length ? [tc, lc] : [lc, tc];
  if (short.length >= 6 && long.length - short.length <= 3 && long.startsWith(short)) return 0.85;
  const specific = t.filter((w) => !GENERIC_NAME_WORDS.has(w));
  if (!specific.length) return 0;
  // Every typed word must appear in the listed name (exactly, or with a small typo for longer words).
  let exact = 0;
  for (const w of specific) {
    if (l.includes(w)) exact++;
    else if (!l.some((x) => w.length >= 5 && wordsClose(w, x))) return 0;
  }
  // Generic words count on neither side: "Marseille" is all of "City of Marseille".
  const share = specific.length / (l.filter((w) => !GENERIC_NAME_WORDS.has(w)).length || l.length);
  return (exact === specific.length ? 0.8 : 0.7) + 0.15 * Math.min(1, share);
}

/** The best-matching listed names for a typed name, best first (score ≥ `min`). */
export function bestNameMatches(typed: string, listed: string[], min = 0.7): { name: string; index: number; score: number }[] {
  // "München" is listed as "Munich": the city's other names match as well as the typed one.
  const variants = [typed, ...otherPlaceNames(foldedWords(typed).join(' '))];
  return listed
    .map((name, index) => ({ name, index, score: Math.max(...variants.map((v, i) => nameMatch(v, name) * (i === 0 ? 1 : 0.98))) }))
    .filter((m) => m.score >= min)
    .sort((a, b) => b.score - a.score);
}
