import type { Options, SearchOptions } from 'minisearch';

/** The fields each passage is indexed under; all hold pre-analysed terms (folded, stop words out, stemmed). */
export const INDEX_FIELDS = ['context', 'text'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

export interface IndexedFields {
  id: number;
  /** The document title and the passage's heading path. */
  context: string;
  text: string;
}

const splitTerms = (text: string): string[] => (text ? text.split(' ') : []);

/**
 * MiniSearch options shared by build and load (MiniSearch needs the same options for both).
 * Terms arrive already analysed by `src/text/analyze.ts`, in the passage's own language, so
 * MiniSearch only splits on spaces.
 */
export const INDEX_OPTIONS: Options<IndexedFields> = {
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: splitTerms,
  processTerm: (term) => term,
  extractField: (doc, field) => (doc as unknown as Record<string, string>)[field],
};

/**
 * Ranking. Measured on SQuAD dev (`npm run bench`): searching the title and headings (one "context"
 * field) as well as the text gains 0.9 points of top-1 passage accuracy over the text alone; boosts
 * between 0.5 and 3 and other BM25 parameters moved it by less than 0.5 points, so MiniSearch's BM25
 * defaults stay. Title and headings share one field because separate fields with equal boosts ranked
 * the same and cost a third more scoring.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { context: 1.5, text: 1 },
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
  combineWith: 'OR',
  tokenize: splitTerms,
  processTerm: (term) => term,
};

/** Bump when the saved index's shape or the analysis changes: older saved indexes are then rebuilt. */
export const INDEX_FORMAT_VERSION = 10;
