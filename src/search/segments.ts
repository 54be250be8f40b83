import { splitSentences } from '../text/sentences';
import type { Passage } from '../types';
import type { Segment } from './build';

// "Head - description" list items: the head names the item.
const ITEM_HEAD_RE = /^(.{2,80}?)\s+[-–—:]\s+(\S.*)$/s;

/** Splits a list item into its name and description, when it has the "Name - description" shape. */
export function itemHead(item: string): { head: string; rest: string } | null {
  const m = ITEM_HEAD_RE.exec(item);
  if (!m || m[1].split(/\s+/).length > 8 || /[.!?]$/.test(m[1])) return null;
  return { head: m[1].trim(), rest: m[2].trim() };
}

/** The sentences, list items (sentence by sentence, named by their head) or facts of a passage, without terms. */
export function segmentTexts(passage: Passage): Omit<Segment, 'terms'>[] {
  if (passage.kind === 'facts') return (passage.facts ?? []).map((f, item) => ({ text: `${f.label}: ${f.value}`, item }));
  if (passage.kind === 'list') {
    return (passage.items ?? []).flatMap((itemText, item) => {
      const head = itemHead(itemText);
      return splitSentences(itemText).map((sentence, k) => ({ text: k > 0 && head ? `${head.head}: ${sentence}` : sentence, item }));
    });
  }
  return splitSentences(passage.text).map((text) => ({ text }));
}

