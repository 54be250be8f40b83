import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { internalsOf } from './minisearch-internals';

/** A ranked document: MiniSearch's own id for it and its score. */
export interface Ranked {
  id: number;
  score: number;
}

interface Buffers {
  scores: Float64Array;
  /** How many distinct query terms each document matched. */
  matched: Uint16Array;
  /** The last query term that touched each document (-1: none yet). */
  lastTerm: Int32Array;
  touched: Int32Array;
}

const buffersByIndex = new WeakMap<object, Buffers>();

/**
 * The `limit` best documents for an OR query of exact terms, scored exactly as MiniSearch scores them
 * (BM25+ per field, field boosts, times the number of query terms matched), but into reusable typed
 * arrays: MiniSearch's `search` builds and sorts a result object per matching document and term, and
 * that garbage dominated answering time and its tail. Falls back to `search` when MiniSearch's internals are not the known ones (minisearch-internals.ts).
 */
export function topDocuments(mini: MiniSearch<unknown>, terms: string[], options: SearchOptions, limit: number): Ranked[] {
  const internals = internalsOf(mini);
  if (!internals || !options.bm25 || !options.boost) {
    return mini.search(terms.join(' '), options).slice(0, limit).map((r) => ({ id: r.id as number, score: r.score }));
  }
  const { k, b, d } = options.bm25;
  let buffers = buffersByIndex.get(mini);
  if (!buffers || buffers.scores.length < internals._nextId) {
    const size = Math.max(internals._nextId, 1);
    buffers = { scores: new Float64Array(size), matched: new Uint16Array(size), lastTerm: new Int32Array(size).fill(-1), touched: new Int32Array(size) };
    buffersByIndex.set(mini, buffers);
  }
  const { scores, matched, lastTerm, touched } = buffers;
  const fields = Object.entries(options.boost).map(([field, boost]) => ({ id: internals._fieldIds[field], boost }));
  let touchedCount = 0;
  const documentCount = internals._documentCount;
  for (let t = 0; t < terms.length; t++) {
    const data = internals._index.get(terms[t]);
    if (!data) continue;
    for (const field of fields) {
      const postings = data.get(field.id);
      if (!postings) continue;
      const matchingCount = postings.size;
      const avgLength = internals._avgFieldLength[field.id];
      const idf = Math.log(1 + (documentCount - matchingCount + 0.5) / (matchingCount + 0.5));
      postings.forEach((termFreq, docId) => {
        const fieldLength = (internals._fieldLength.get(docId) as number[])[field.id];
        const score = field.boost * idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgLength)));
        if (lastTerm[docId] !== t) {
          if (lastTerm[docId] === -1) touched[touchedCount++] = docId;
          lastTerm[docId] = t;
          matched[docId]++;
        }
        scores[docId] += score;
      });
    }
  }
  const top: Ranked[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const docId = touched[i];
    const ranked = scores[docId] * matched[docId];
    scores[docId] = 0;
    matched[docId] = 0;
    lastTerm[docId] = -1;
    if (top.length === limit && ranked <= top[limit - 1].score) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].score < ranked) at--;
    top.splice(at, 0, { id: internals._documentIds.get(docId) as number, score: ranked });
    if (top.length > limit) top.pop();
  }
  return top;
}
