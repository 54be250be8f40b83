import type { Passage } from '../types';
import type { SearchIndex } from './build';

/** Passage id (`file#line`) → its position in `SearchIndex.passages`, built once per index. */
const positions = new WeakMap<SearchIndex, Map<string, number>>();

function positionOf(index: SearchIndex, id: string): number | undefined {
  let byId = positions.get(index);
  if (!byId) {
    byId = new Map(index.passages.map((p, i) => [p.passage.id, i]));
    positions.set(index, byId);
  }
  return byId.get(id);
}

/** The passage with this id (`file#line`), or undefined when the index has none (e.g. after a reload). */
export function passageById(index: SearchIndex, id: string): Passage | undefined {
  const at = positionOf(index, id);
  return at === undefined ? undefined : index.passages[at].passage;
}

/**
 * The passage after this one in the same section of the same document (its sub-sections included),
 * or undefined at the end of the section.
 */
export function nextInSection(index: SearchIndex, id: string): Passage | undefined {
  const at = positionOf(index, id);
  if (at === undefined) return undefined;
  const { passage, doc } = index.passages[at];
  const order = index.documents[doc].passages;
  const next = order[order.indexOf(at) + 1];
  if (next === undefined) return undefined;
  const candidate = index.passages[next].passage;
  const within = passage.headings.every((heading, i) => candidate.headings[i] === heading);
  return within ? candidate : undefined;
}
