/**
 * The original of a translated answer: a document with `translated_from` in its front matter is a translation of
 * the document beside it in that language ("eurocities.en.md" of "eurocities.nl.md"), and an answer from it can
 * quote the sentence it translates, so that the reply holds the words the source itself uses.
 */
import type { SearchIndex } from '../search/build';

/** A file's path without its language and extension ("eurocities/eurocities.en.md" → "eurocities/eurocities"). */
const stemOf = (file: string): string => file.replace(/(\.[a-z]{2})?\.[^./]+$/, '');

/** For each translated document, the original it translates (same path but for the language), by document index. */
export function originalsOf(index: SearchIndex): Map<number, number> {
  const originals = new Map<number, number>();
  index.documents.forEach((doc, i) => {
    if (!doc.translatedFrom) return;
    const original = index.documents.findIndex((o) => o.lang === doc.translatedFrom && !o.translatedFrom && stemOf(o.file) === stemOf(doc.file));
    if (original >= 0) originals.set(i, original);
  });
  return originals;
}

/**
 * The original's sentences that `text` (cut from passage `passage` of a translation) translates, read at the same
 * places: the same passage of the document and the same sentences in it. Null when the two do not line up (another
 * number of passages or sentences), since then the places say nothing.
 */
export function originalSentences(index: SearchIndex, originals: ReadonlyMap<number, number>, passage: number, text: string): string | null {
  const entry = index.passages[passage];
  const original = originals.get(entry.doc);
  if (original === undefined) return null;
  const translation = index.documents[entry.doc].passages;
  const source = index.documents[original].passages;
  if (translation.length !== source.length) return null;
  const sourceEntry = index.passages[source[translation.indexOf(passage)]];
  if (sourceEntry.segments.length !== entry.segments.length) return null;
  const quoted = entry.segments.flatMap((s, k) => (text.includes(s.text) || s.text.includes(text) ? [sourceEntry.segments[k].text] : []));
  return quoted.length ? quoted.join(' ') : null;
}
