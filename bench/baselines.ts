/**
 * The two baselines of issue 3, over the same passages as our core:
 * MiniSearch with its default options, and wink-bm25-text-search with the standard wink-nlp-utils
 * preparation. A baseline's reply is the sentence of its top passage sharing the most terms with the question.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import bm25 from 'wink-bm25-text-search';
import nlp from 'wink-nlp-utils';
import type { BenchCorpus, BenchPassage } from './squad';
import type { BenchReply, BenchSystem } from './system';

/** Turns a text into the terms a system matches on. */
export type Terms = (text: string) => string[];

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st jr sr vs etc no gen col lt mt inc ltd co corp approx ca c e.g i.e u.s u.k a.d b.c fig vol ' +
    'rev sgt capt gov sen rep ft jan feb mar apr jun jul aug sep sept oct nov dec').split(' '),
);

/**
 * Splits a passage into sentences: after . ! or ? (and closing quotes or brackets) followed by space and a
 * capital or digit, except after an abbreviation or an initial ("U.S. Army", "Dr. Smith", "J. R. R. Tolkien").
 * A regular expression rather than wink-nlp-utils' `sentences`, which gives the same replies for 99.7% of
 * SQuAD questions at a third of the time, so the baselines' latency is mostly their search.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const boundary = /[.!?]+["')\]]*\s+(?=["'(\[]?[\p{Lu}\d])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    if (text[m.index] === '.') {
      const word = (/(\S+)$/.exec(text.slice(start, m.index))?.[1] ?? '').toLowerCase().replace(/^["'(\[]+/, '');
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    out.push(text.slice(start, m.index + m[0].trimEnd().length));
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  const found = out.map((s) => s.trim()).filter((s) => s !== '');
  return found.length > 0 ? found : [text];
}

/**
 * The sentence of `passage` that shares the most distinct terms with the question; the earliest wins a tie.
 * @param questionTerms the question's terms, made with the same `terms` function
 */
export function bestSentence(passage: string, questionTerms: ReadonlySet<string>, terms: Terms): string {
  let best = '';
  let bestShared = -1;
  for (const sentence of sentences(passage)) {
    let shared = 0;
    for (const term of new Set(terms(sentence))) if (questionTerms.has(term)) shared++;
    if (shared > bestShared) {
      best = sentence;
      bestShared = shared;
    }
  }
  return best;
}

/** Base of both baselines: passages by id, and the reply from the top hit. */
abstract class Baseline implements BenchSystem {
  abstract readonly name: string;
  protected byId = new Map<string, BenchPassage>();
  protected abstract terms: Terms;
  protected abstract top(question: string): string | undefined;
  abstract build(corpus: BenchCorpus): void;
  abstract save(file: string): void;
  abstract load(file: string): void;

  prepare(corpus: BenchCorpus): void {
    this.byId = new Map(corpus.passages.map((p) => [p.id, p]));
  }

  ask(question: string): BenchReply {
    return this.replyFrom(this.top(question), question);
  }

  /** The reply from passage `id` (the top hit), or no_answer when there is none. */
  protected replyFrom(id: string | undefined, question: string): BenchReply {
    const passage = id === undefined ? undefined : this.byId.get(id);
    if (passage === undefined) return { reply: '', passageId: null, noAnswer: true };
    return { reply: bestSentence(passage.text, new Set(this.terms(question)), this.terms), passageId: passage.id, noAnswer: false };
  }
}

const miniTokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const miniProcessTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined | false;

/** MiniSearch's default tokenising and term processing (lower case, no stop words, no stemming). */
export const miniSearchTerms: Terms = (text) =>
  miniTokenize(text).flatMap((token) => {
    const term = miniProcessTerm(token);
    return typeof term === 'string' && term !== '' ? [term] : [];
  });

/** MiniSearch 7 with default options (only the required `fields`). */
export class MiniSearchBaseline extends Baseline {
  readonly name = 'minisearch-default';
  private static readonly options = { fields: ['text'] };
  private index = new MiniSearch<BenchPassage>(MiniSearchBaseline.options);
  // MiniSearch's default tokenizer and term processing, so "terms" mean what its search matches on.
  protected terms: Terms = miniSearchTerms;

  build(corpus: BenchCorpus): void {
    this.index = new MiniSearch<BenchPassage>(MiniSearchBaseline.options);
    this.index.addAll(corpus.passages);
  }

  save(file: string): void {
    writeFileSync(file, JSON.stringify(this.index));
  }

  load(file: string): void {
    this.index = MiniSearch.loadJSON<BenchPassage>(readFileSync(file, 'utf8'), MiniSearchBaseline.options);
  }

  protected top(question: string): string | undefined {
    return this.index.search(question)[0]?.id as string | undefined;
  }
}

/** The standard wink-nlp-utils preparation from wink-bm25-text-search's README. */
export const winkPrepTasks = [
  nlp.string.lowerCase,
  nlp.string.removeExtraSpaces,
  nlp.string.tokenize0,
  nlp.tokens.removeWords,
  nlp.tokens.stem,
  nlp.tokens.propagateNegations,
];

const stems = new Map<string, string>();
/** Porter2 stem of one token, remembered: stemming is most of the cost of preparing a sentence. */
const stem = (token: string): string => {
  let s = stems.get(token);
  if (s === undefined) {
    s = nlp.string.stem(token) as string;
    stems.set(token, s);
  }
  return s;
};
/** The same preparation with remembered stems (identical output), for choosing the reply sentence. */
const winkSentenceTasks = winkPrepTasks.map((task) => (task === nlp.tokens.stem ? (tokens: any) => (tokens as string[]).map(stem) : task));

/** Runs the wink preparation on a text. */
export const winkTerms: Terms = (text) => winkSentenceTasks.reduce<unknown>((value, task) => task(value), text) as string[];

/** wink-bm25-text-search 3 with the standard wink-nlp-utils preparation and default BM25 parameters. */
export class WinkBaseline extends Baseline {
  readonly name = 'wink-bm25';
  private engine = bm25();
  protected terms: Terms = winkTerms;

  build(corpus: BenchCorpus): void {
    this.engine = bm25();
    this.engine.defineConfig({ fldWeights: { text: 1 } });
    this.engine.definePrepTasks(winkPrepTasks);
    for (const p of corpus.passages) this.engine.addDoc({ text: p.text }, p.id);
    this.engine.consolidate();
  }

  save(file: string): void {
    writeFileSync(file, this.engine.exportJSON());
  }

  load(file: string): void {
    const engine = bm25();
    engine.importJSON(readFileSync(file, 'utf8'));
    // importJSON keeps no preparation tasks: they must be defined again before searching.
    engine.definePrepTasks(winkPrepTasks);
    this.engine = engine;
  }

  protected top(question: string): string | undefined {
    return this.engine.search(question, 1)[0]?.[0];
  }

  /** The reply and the top hit's BM25 score (null when nothing matched), from one search: for a score threshold. */
  askScored(question: string): BenchReply & { score: number | null } {
    const hit = this.engine.search(question, 1)[0];
    return { ...this.replyFrom(hit?.[0], question), score: hit === undefined ? null : hit[1] };
  }
}
