import type { Options, SearchOptions } from 'minisearch';

/** The fields each passage is indexed under; all hold pre-analysed terms (folded, stop words out, stemmed). */
export const INDEX_FIELDS = ['title', 'headings', 'text'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

export interface IndexedFields {
  id: number;
  title: string;
  headings: string;
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
 * Ranking. Boosts measured on SQuAD dev and the dev question set (see README "How answers are chosen"):
 * a title or heading hit says what a passage is about, but most evidence sits in the text.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: Number(process.env.TB ?? 1.5), headings: 1.5, text: 1 },
  bm25: { k: Number(process.env.BK ?? 1.2), b: Number(process.env.BB ?? 0.75), d: Number(process.env.BD ?? 0.5) },
  combineWith: 'OR',
  ...(process.env.FIELDS ? { fields: process.env.FIELDS.split(',') } : {}),
  tokenize: splitTerms,
  processTerm: (term) => term,
};

/** Bump when the saved index's shape or the analysis changes: older saved indexes are then rebuilt. */
export const INDEX_FORMAT_VERSION = 1;
