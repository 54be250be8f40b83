import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { NetworkQaError } from '../errors';
import { writeFileAtomic } from '../files';
import { ANALYSIS_FINGERPRINT } from '../text/analyze';
import { INDEX_FORMAT_VERSION, INDEX_OPTIONS, type IndexedFields } from './options';
import { type Acronym, type IndexedPassage, type SearchIndex, type Segment, segmentTexts } from './build';

// On disk, term lists are space-joined strings (JSON.parse reads one string far faster than an array
// of them), and segment texts are not stored: they are cut again from the passage, which is cheap.
interface StoredPassage extends Omit<IndexedPassage, 'segments' | 'titleTerms' | 'headingTerms'> {
  segmentTerms: string[];
  titleTerms: string;
  headingTerms: string;
}

const join = (terms: string[]): string => terms.join(' ');
const split = (terms: string): string[] => (terms ? terms.split(' ') : []);

/** Saves an index as `{ formatVersion, fingerprint, builtAt, index }`. */
export function saveIndex(index: SearchIndex, file: string): void {
  const { mini, documentFrequency, acronyms, passages, ...parts } = index;
  const stored: StoredPassage[] = passages.map(({ segments, ...p }) => ({
    ...p,
    segmentTerms: segments.map((s) => join(s.terms)),
    titleTerms: join(p.titleTerms),
    headingTerms: join(p.headingTerms),
  }));
  const payload = {
    formatVersion: index.formatVersion,
    fingerprint: index.fingerprint,
    analysis: ANALYSIS_FINGERPRINT,
    builtAt: index.builtAt,
    index: {
      ...parts,
      passages: stored,
      documentFrequency: { terms: join([...documentFrequency.keys()]), counts: [...documentFrequency.values()] },
      acronyms: [...acronyms],
      mini: mini.toJSON(),
    },
  };
  writeFileAtomic(file, JSON.stringify(payload));
}

/** A stored passage whose segments are cut again on first use: answering touches only a few passages. */
function revivePassage({ segmentTerms, ...p }: StoredPassage): IndexedPassage {
  let segments: Segment[] | undefined;
  return {
    ...p,
    titleTerms: split(p.titleTerms),
    headingTerms: split(p.headingTerms),
    get segments(): Segment[] {
      segments ??= segmentTexts(p.passage).map((s, k) => ({ ...s, terms: split(segmentTerms[k] ?? '') }));
      return segments;
    },
  };
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
  let payload: { formatVersion?: unknown; fingerprint?: unknown; analysis?: unknown; builtAt?: unknown; index?: Record<string, unknown> };
  try {
    payload = JSON.parse(text);
  } catch (error) {
    return { index: null, reason: `saved index ${file} is not valid JSON (${(error as Error).message})` };
  }
  if (payload.formatVersion !== INDEX_FORMAT_VERSION) {
    return { index: null, reason: `saved index ${file} has format version ${String(payload.formatVersion)}, this version reads ${INDEX_FORMAT_VERSION}` };
  }
  if (payload.analysis !== ANALYSIS_FINGERPRINT) {
    return { index: null, reason: `saved index ${file} was built with other stop words or stemmers` };
  }
  if (fingerprint !== undefined && payload.fingerprint !== fingerprint) {
    return { index: null, reason: `saved index ${file} was built from other knowledge (fingerprint changed)` };
  }
  try {
    const { mini, acronyms, passages, documentFrequency, ...parts } = payload.index as unknown as Omit<
      SearchIndex,
      'mini' | 'acronyms' | 'documentFrequency' | 'passages'
    > & { mini: object; acronyms: [string, Acronym][]; passages: StoredPassage[]; documentFrequency: { terms: string; counts: number[] } };
    const revived = MiniSearch.loadJS<IndexedFields>(mini as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
    const dfTerms = split(documentFrequency.terms);
    if (dfTerms.length !== documentFrequency.counts.length) throw new Error('document frequencies do not match their terms');
    return {
      index: {
        ...parts,
        passages: passages.map(revivePassage),
        acronyms: new Map(acronyms),
        mini: revived,
        documentFrequency: new Map(dfTerms.map((t, i) => [t, documentFrequency.counts[i]])),
      },
    };
  } catch (error) {
    throw new NetworkQaError('index_corrupt', `saved index ${file} is damaged: ${(error as Error).message}`, { cause: error });
  }
}
