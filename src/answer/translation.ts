/**
 * The original of a translated answer: a document with `translated_from` in its front matter is a translation of
 * the document beside it in that language ("eurocities.en.md" of "eurocities.nl.md"), and an answer from it can
 * quote the sentence it translates, so that the reply holds the words the source itself uses.
 */
import type { SearchIndex } from '../search/build';
import { perIndex } from '../search/lookups';
import { itemHead } from '../search/segments';

/** A file's path without its language and extension ("eurocities/eurocities.en.md" → "eurocities/eurocities"). */
const stemOf = (file: string): string => file.replace(/(\.[a-z]{2})?\.[^./]+$/, '');

/** For each translated document, the original it translates (same path but for the language), by document index. */
export function originalsOf(index: SearchIndex): Map<number, number> {
  const byPath = new Map<string, number>();
  index.documents.forEach((doc, i) => {
    if (!doc.translatedFrom) byPath.set(`${doc.lang} ${stemOf(doc.file)}`, i);
  });
  const originals = new Map<number, number>();
  index.documents.forEach((doc, i) => {
    const original = doc.translatedFrom ? byPath.get(`${doc.translatedFrom} ${stemOf(doc.file)}`) : undefined;
    if (original !== undefined) originals.set(i, original);
  });
  return originals;
}

/**
 * Each passage of a translation and of its original, paired with the passage at the same place in the other (when
 * the two documents have as many passages): one text in two languages. Computed once per index.
 */
export const translationSiblings = perIndex((index): ReadonlyMap<number, number> => {
  const siblings = new Map<number, number>();
  for (const [translation, original] of originalsOf(index)) {
    const translated = index.documents[translation].passages;
    const source = index.documents[original].passages;
    if (translated.length !== source.length) continue;
    translated.forEach((passage, k) => {
      siblings.set(passage, source[k]);
      siblings.set(source[k], passage);
    });
  }
  return siblings;
});

/**
 * The original's sentences that `text` (cut from passage `passage` of a translation) translates, read at the same
 * places: the same passage of the document and the same sentences in it. Null when the two do not line up (another
 * number of passages or sentences), since then the places say nothing.
 */
export function originalSentences(index: SearchIndex, originals: ReadonlyMap<number, number>, passage: number, text: string): string[] | null {
  const entry = index.passages[passage];
  const sourceEntry = alignedOriginal(index, originals, passage);
  if (!sourceEntry || sourceEntry.segments.length !== entry.segments.length) return null;
  const places = placesOf(entry.segments.map((s) => s.text), text);
  if (!places) return null;
  const quoted = places.map((k) => sourceEntry.segments[k].text);
  // An original written the same (a list of names) adds nothing.
  return quoted.join(' ') === places.map((k) => entry.segments[k].text).join(' ') ? null : quoted;
}

/** The original's passage at the place of a translation's passage, or null when the documents do not line up. */
function alignedOriginal(index: SearchIndex, originals: ReadonlyMap<number, number>, passage: number): SearchIndex['passages'][number] | null {
  // The siblings pair originals with translations both ways: only a translation's passage has an original.
  const sibling = originals.has(index.passages[passage].doc) ? translationSiblings(index).get(passage) : undefined;
  return sibling === undefined ? null : index.passages[sibling];
}

/**
 * The original's list items at the places of the translated items `items` that `text` shows: whole where the text
 * holds the translated item whole, else by its head, as a list answer names them. Null when the two lists do not
 * line up or read the same.
 */
export function originalItems(index: SearchIndex, originals: ReadonlyMap<number, number>, passage: number, text: string, items: readonly number[]): string[] | null {
  const translated = index.passages[passage].passage.items ?? [];
  const source = alignedOriginal(index, originals, passage)?.passage.items ?? [];
  if (!translated.length || source.length !== translated.length) return null;
  const shown = (list: readonly string[]) =>
    items.map((k) => (text.includes(translated[k]) ? list[k] : (itemHead(list[k])?.head ?? list[k])));
  const quoted = shown(source);
  return quoted.join(' ') === shown(translated).join(' ') ? null : quoted;
}

/**
 * Which sentences an answer is: a run of them side by side, all of it ("A. B." or, for a labelled fact, "A (title)"),
 * or one sentence cut to its clauses. Null when neither.
 */
function placesOf(sentences: readonly string[], text: string): number[] | null {
  for (let first = 0; first < sentences.length; first++) {
    let joined = '';
    for (let last = first; last < sentences.length; last++) {
      joined = joined ? `${joined} ${sentences[last]}` : sentences[last];
      if (text === joined || text.startsWith(`${joined} (`)) return Array.from({ length: last - first + 1 }, (_, i) => first + i);
      if (!text.startsWith(joined)) break;
    }
  }
  const cutFrom = sentences.flatMap((s, k) => (s.includes(text) ? [k] : []));
  return cutFrom.length === 1 ? cutFrom : null;
}
