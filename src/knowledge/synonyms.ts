import type { KnowledgeWarning } from '../types';

/** One group of words or phrases that mean the same in this knowledge's domain, from `synonyms.yml`. */
export interface SynonymGroup {
  /** Folded, trimmed words or phrases ("aim", "head office"). */
  words: string[];
  /** Path relative to the knowledge folder, and the 1-based line of the group. */
  file: string;
  line: number;
}

/** The file in a knowledge folder's root that holds the maintainers' synonyms. */
export const SYNONYMS_FILE = 'synonyms.yml';

/** The maintainers' synonyms of a knowledge folder, and what was wrong in the file (with line). */
export interface LoadedSynonyms {
  groups: SynonymGroup[];
  warnings: KnowledgeWarning[];
}
