/**
 * The one module that reads MiniSearch's internals (its radix tree and field statistics), for speed: BM25 scored
 * into reusable arrays (topk.ts) and typo candidates found in the tree without scoring any document (retrieve.ts).
 * They are read only from the MiniSearch major version they were written against; any other version gets null, and
 * callers fall back to MiniSearch's public `search`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type MiniSearch from 'minisearch';

/** The MiniSearch major version whose internals this module knows (pinned by package-lock.json). */
export const KNOWN_MINISEARCH_MAJOR = 7;

/** The parts of a MiniSearch 7 instance read here. */
export interface MiniSearchInternals {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    fuzzyGet(term: string, maxEdits: number): Map<string, [unknown, number]>;
    atPrefix(prefix: string): { fuzzyGet(term: string, maxEdits: number): Map<string, [unknown, number]> };
  };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _nextId: number;
}

let installedMajor: number | null | undefined;

/** The installed MiniSearch's major version, from its package.json (which its `exports` do not expose), or null. */
export function miniSearchMajor(): number | null {
  if (installedMajor === undefined) {
    try {
      // require.resolve gives …/minisearch/dist/cjs/index.cjs.
      const root = join(dirname(require.resolve('minisearch')), '..', '..');
      const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
      installedMajor = Number.parseInt(String(version), 10) || null;
    } catch {
      installedMajor = null;
    }
  }
  return installedMajor;
}

/** A MiniSearch instance's internals when their version and shape are the known ones, else null. */
export function internalsOf(mini: MiniSearch<unknown>): MiniSearchInternals | null {
  if (miniSearchMajor() !== KNOWN_MINISEARCH_MAJOR) return null;
  const m = mini as unknown as Partial<MiniSearchInternals>;
  return m._index && typeof m._index.fuzzyGet === 'function' && typeof m._index.atPrefix === 'function' && m._fieldIds && m._fieldLength && m._avgFieldLength && m._documentIds && typeof m._nextId === 'number'
    ? (m as MiniSearchInternals)
    : null;
}

/**
 * Index terms within `maxEdits` edits of `term`, with their distance, from the radix tree; null when the internals
 * are unknown. With `sameFirstLetter`, only terms starting as `term` does, found in that letter's branch alone (a
 * shared first letter changes no edit distance, and the walk of the whole tree was most of correcting a typo).
 */
export function termsNear(mini: MiniSearch<unknown>, term: string, maxEdits: number, sameFirstLetter = false): [string, number][] | null {
  const internals = internalsOf(mini);
  if (!internals) return null;
  if (!sameFirstLetter || !term) return [...internals._index.fuzzyGet(term, maxEdits)].map(([t, [, d]]) => [t, d]);
  const first = term[0];
  return [...internals._index.atPrefix(first).fuzzyGet(term.slice(1), maxEdits)].map(([t, [, d]]) => [first + t, d]);
}
