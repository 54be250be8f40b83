import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { NetworkQaError } from '../errors';
import { writeFileAtomic } from '../files';
import { INDEX_FORMAT_VERSION, INDEX_OPTIONS, type IndexedFields } from './options';
import { documentFrequencies, type SearchIndex } from './build';

/** Saves an index as `{ formatVersion, fingerprint, builtAt, index }`. */
export function saveIndex(index: SearchIndex, file: string): void {
  const { mini, documentFrequency: _df, acronyms, ...parts } = index;
  const payload = {
    formatVersion: index.formatVersion,
    fingerprint: index.fingerprint,
    builtAt: index.builtAt,
    index: { ...parts, acronyms: [...acronyms], mini: mini.toJSON() },
  };
  writeFileAtomic(file, JSON.stringify(payload));
}

export type LoadResult = { index: SearchIndex } | { index: null; reason: string };

/**
 * Loads a saved index when it was built by this format version from the same knowledge
 * (`fingerprint`); otherwise says why it cannot be used, so the caller rebuilds.
 */
export function loadIndex(file: string, fingerprint?: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { index: null, reason: `no saved index at ${file}` };
  }
  let payload: { formatVersion?: unknown; fingerprint?: unknown; builtAt?: unknown; index?: Record<string, unknown> };
  try {
    payload = JSON.parse(text);
  } catch (error) {
    return { index: null, reason: `saved index ${file} is not valid JSON (${(error as Error).message})` };
  }
  if (payload.formatVersion !== INDEX_FORMAT_VERSION) {
    return { index: null, reason: `saved index ${file} has format version ${String(payload.formatVersion)}, this version reads ${INDEX_FORMAT_VERSION}` };
  }
  if (fingerprint !== undefined && payload.fingerprint !== fingerprint) {
    return { index: null, reason: `saved index ${file} was built from other knowledge (fingerprint changed)` };
  }
  try {
    const { mini, acronyms, ...parts } = payload.index as unknown as Omit<SearchIndex, 'mini' | 'acronyms' | 'documentFrequency'> & {
      mini: object;
      acronyms: [string, string][];
    };
    const revived = MiniSearch.loadJS<IndexedFields>(mini as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
    return {
      index: { ...parts, acronyms: new Map(acronyms), mini: revived, documentFrequency: documentFrequencies(parts.passages) },
    };
  } catch (error) {
    throw new NetworkQaError('index_corrupt', `saved index ${file} is damaged: ${(error as Error).message}`, { cause: error });
  }
}
