import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { NetworkQaError } from '../errors';
import { writeFileAtomic } from '../files';
import { ANALYSIS_FINGERPRINT } from '../text/analyze';
import { INDEX_FORMAT_VERSION, INDEX_OPTIONS, type IndexedFields } from './options';
import type { Acronym, IndexedPassage, SearchIndex, Segment } from './build';
import { segmentTexts } from './segments';
import { storedIndexProblem } from './check-stored';

// On disk, term lists are space-joined strings (JSON.parse reads one string far faster than an array
// of them), and segment texts are not stored: a text passage's sentences are where `segmentSpans` says (start and
// end offsets, two numbers a sentence); list items and facts are cut again from the passage on first use.
interface StoredPassage extends Omit<IndexedPassage, 'segments' | 'titleTerms' | 'headingTerms'> {
  segmentTerms: string[];
  segmentSpans?: number[];
  titleTerms: string;
  headingTerms: string;
}

const join = (terms: string[]): string => terms.join(' ');
const split = (terms: string): string[] => (terms ? terms.split(' ') : []);

/** The body of a saved index (the file's `index` member), as it is written. */
export type StoredIndex = Omit<SearchIndex, 'mini' | 'acronyms' | 'documentFrequency' | 'passages'> & {
  mini: object;
  acronyms: [string, Acronym][];
  passages: StoredPassage[];
  documentFrequency: { terms: string; counts: number[] };
};

/** What is written to `index.json`: a header that says whether the index can be used, then the index. */
export interface StoredPayload {
  formatVersion: number;
  fingerprint: string;
  analysis: string;
  builtAt: string;
  index: StoredIndex;
}

/** The index in its saved form (term lists joined, maps as lists, MiniSearch as its JSON). */
export function storedForm(index: SearchIndex): StoredPayload {
  const { mini, documentFrequency, acronyms, passages, ...parts } = index;
  const stored: StoredPassage[] = passages.map(({ segments, ...p }) => {
    const spans = p.passage.kind === 'text' ? spansOf(p.passage.text, segments) : null;
    return {
      ...p,
      segmentTerms: segments.map((s) => join(s.terms)),
      ...(spans ? { segmentSpans: spans } : {}),
      titleTerms: join(p.titleTerms),
      headingTerms: join(p.headingTerms),
    };
  });
  return {
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
}

/** Saves an index as `{ formatVersion, fingerprint, analysis, builtAt, index }`, atomically. */
export function saveIndex(index: SearchIndex, file: string): void {
  writeFileAtomic(file, JSON.stringify(storedForm(index)));
}

/** Where each segment of a text passage starts and ends in its text, or null when one is not found there as it is. */
function spansOf(text: string, segments: readonly Segment[]): number[] | null {
  const spans: number[] = [];
  let at = 0;
  for (const { text: segment } of segments) {
    const start = text.indexOf(segment, at);
    if (start < 0) return null;
    at = start + segment.length;
    spans.push(start, at);
  }
  return spans;
}

/**
 * A stored passage whose segments are made on first use (answering touches only a few passages): a text passage's
 * sliced at its stored spans, others cut again (splitting sentences on first use was most of the slowest answers).
 */
function revivePassage({ segmentTerms, segmentSpans, ...p }: StoredPassage): IndexedPassage {
  let segments: Segment[] | undefined;
  return {
    ...p,
    titleTerms: split(p.titleTerms),
    headingTerms: split(p.headingTerms),
    get segments(): Segment[] {
      segments ??= segmentSpans
        ? segmentTerms.map((terms, k) => ({ text: p.passage.text.slice(segmentSpans[2 * k], segmentSpans[2 * k + 1]), terms: split(terms) }))
        : segmentTexts(p.passage).map((s, k) => ({ ...s, terms: split(segmentTerms[k] ?? '') }));
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
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new NetworkQaError('index_corrupt', `saved index ${file} is damaged: it is not a JSON object`);
  }
  const problem = headerProblem(payload, file, fingerprint);
  if (problem) return { index: null, reason: problem };
  try {
    return { index: reviveIndex(payload.index) };
  } catch (error) {
    throw new NetworkQaError('index_corrupt', `saved index ${file} is damaged: ${(error as Error).message}`, { cause: error });
  }
}

/** Why a saved index's header says it cannot serve this knowledge, or null when it can. */
export function headerProblem(payload: { formatVersion?: unknown; analysis?: unknown; fingerprint?: unknown }, file: string, fingerprint?: string): string | null {
  if (payload.formatVersion !== INDEX_FORMAT_VERSION) {
    return `saved index ${file} has format version ${String(payload.formatVersion)}, this version reads ${INDEX_FORMAT_VERSION}`;
  }
  if (payload.analysis !== ANALYSIS_FINGERPRINT) return `saved index ${file} was built with other stop words or stemmers`;
  if (fingerprint !== undefined && payload.fingerprint !== fingerprint) return `saved index ${file} was built from other knowledge (fingerprint changed)`;
  return null;
}

/**
 * Turns a saved index body back into a {@link SearchIndex}, after checking every value's type and range.
 * @throws Error saying what is damaged and where
 */
export function reviveIndex(body: unknown): SearchIndex {
  const problem = storedIndexProblem(body);
  if (problem) throw new Error(problem);
  const { mini, acronyms, passages, documentFrequency, ...parts } = body as StoredIndex;
  return assemble(parts, MiniSearch.loadJS<IndexedFields>(mini as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS), passages.map(revivePassage), acronyms, documentFrequency);
}

function assemble(
  parts: Omit<StoredIndex, 'mini' | 'acronyms' | 'passages' | 'documentFrequency'>,
  mini: MiniSearch<IndexedFields>,
  passages: IndexedPassage[],
  acronyms: [string, Acronym][],
  documentFrequency: StoredIndex['documentFrequency'],
): SearchIndex {
  const dfTerms = split(documentFrequency.terms);
  return {
    ...parts,
    passages,
    acronyms: new Map(acronyms),
    mini,
    documentFrequency: new Map(dfTerms.map((t, i) => [t, documentFrequency.counts[i]])),
  };
}

/**
 * A saved index cut into pieces small enough to parse without holding up answering for long: it crosses from the
 * worker that built or read it to the thread that answers (see `worker.ts`).
 */
export interface IndexTransfer {
  /** JSON of the header and the index without its passages and MiniSearch's term index. */
  head: string;
  /** JSON lists of passages, {@link TRANSFER_CHUNK} at a time. */
  passages: string[];
  /** JSON lists of MiniSearch's `index` entries, {@link TRANSFER_CHUNK} at a time. */
  miniIndex: string[];
}

/**
 * Items per piece of an {@link IndexTransfer}. Measured on 5,000 small documents (`npm run bench -- --growth`):
 * parsing 500 passages or 500 terms takes 2 to 3 ms on the project machine when it is idle, and stays far below the
 * 50 ms a waiting question may be held up when other work slows it down tenfold.
 */
export const TRANSFER_CHUNK = 500;

function chunks<T>(items: readonly T[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += TRANSFER_CHUNK) out.push(JSON.stringify(items.slice(i, i + TRANSFER_CHUNK)));
  return out;
}

/** Cuts a saved index into an {@link IndexTransfer}. */
export function toTransfer(payload: StoredPayload): IndexTransfer {
  const { passages, mini, ...rest } = payload.index;
  const { index: terms, ...miniRest } = mini as { index: unknown[] };
  return {
    head: JSON.stringify({ ...payload, index: { ...rest, mini: miniRest } }),
    passages: chunks(passages),
    miniIndex: chunks(terms),
  };
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Rebuilds a {@link SearchIndex} from an {@link IndexTransfer} piece by piece, letting other work (questions) run
 * between pieces. The transfer must come from {@link toTransfer} over a checked index.
 */
export async function reviveTransfer(transfer: IndexTransfer): Promise<SearchIndex> {
  const payload = JSON.parse(transfer.head) as StoredPayload;
  const body = payload.index as StoredIndex & { mini: { index?: unknown[] } };
  const passages: unknown[] = [];
  for (const piece of transfer.passages) {
    await yieldToLoop();
    passages.push(...(JSON.parse(piece) as unknown[]));
  }
  const terms: unknown[] = [];
  for (const piece of transfer.miniIndex) {
    await yieldToLoop();
    terms.push(...(JSON.parse(piece) as unknown[]));
  }
  // Checked by the worker that built or read it (`build-worker.ts`): not checked again here, where it would hold up
  // answering for as long as the check takes.
  const full = { ...body, passages, mini: { ...body.mini, index: terms } };
  const { mini, acronyms, documentFrequency, ...parts } = full as unknown as StoredIndex;
  const revivedMini = await MiniSearch.loadJSAsync<IndexedFields>(mini as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
  await yieldToLoop();
  return assemble(parts, revivedMini, (full.passages as StoredPassage[]).map(revivePassage), acronyms, documentFrequency);
}

/** Bytes read to find a saved index's header: the format version, two hashes and a date come first in the file. */
const HEADER_BYTES = 512;

/**
 * The `builtAt` of a saved index, read from the file's first bytes only (the index itself can be tens of MB).
 * @returns null when the file is missing or does not start like a saved index
 */
export function readSavedHeader(file: string): { builtAt: string } | null {
  let head: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_BYTES);
      head = buffer.subarray(0, readSync(fd, buffer, 0, HEADER_BYTES, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const builtAt = /^\{"formatVersion":\d+,"fingerprint":"[^"]*","analysis":"[^"]*","builtAt":"([^"]+)"/.exec(head)?.[1];
  return builtAt ? { builtAt } : null;
}
