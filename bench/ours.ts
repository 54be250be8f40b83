/** Our own system under benchmark: the core's loader, index and `ask()`, exactly as the bot uses them. */
import { join } from 'node:path';
import { buildIndex, createAnswerer, loadIndex, loadKnowledge, saveIndex } from '../src/index';
import type { Answerer, AnswererOptions, LoadedKnowledge, Passage, SearchIndex } from '../src/index';
import { BenchError, type BenchCorpus } from './squad';
import type { BenchReply, BenchSystem } from './system';

/** Our core, through the same loader, index and answerer the bot uses; the loaded index answers. */
export class OurSystem implements BenchSystem {
  readonly name: string;
  private readonly options: AnswererOptions;

  /** @param variant the answerer's options (e.g. `threshold: 0` to never abstain) and the name to report */
  constructor(variant: AnswererOptions & { name?: string } = {}) {
    const { name = 'ours', ...options } = variant;
    this.name = name;
    this.options = options;
  }

  private knowledge: LoadedKnowledge | undefined;
  private index: SearchIndex | undefined;
  private answerer: Answerer | undefined;
  /** Loader warnings and mapping problems found in `prepare`, for the harness to print. */
  readonly notes: string[] = [];

  async prepare(corpus: BenchCorpus): Promise<void> {
    this.knowledge = await loadKnowledge(corpus.dir);
    const { warnings, passages } = this.knowledge;
    for (const w of warnings.slice(0, 5)) this.notes.push(`loader warning ${w.code}: ${w.message}`);
    if (warnings.length > 5) this.notes.push(`... and ${warnings.length - 5} more loader warnings`);
    this.notes.push(...checkMapping(corpus, passages));
  }

  build(): void {
    if (this.knowledge === undefined) throw new BenchError('bench_usage', 'ours: build() before prepare()');
    this.index = buildIndex(this.knowledge);
    this.answerer = createAnswerer(this.index, this.options);
  }

  save(file: string): void {
    if (this.index === undefined) throw new BenchError('bench_usage', 'ours: save() before build()');
    saveIndex(this.index, file);
  }

  load(file: string): void {
    const loaded = loadIndex(file, this.knowledge?.fingerprint);
    if (loaded.index === null) throw new BenchError('bench_mapping', `ours: the saved index did not load: ${loaded.reason}`);
    this.index = loaded.index;
    this.answerer = createAnswerer(this.index, this.options);
  }

  ask(question: string): BenchReply {
    if (this.answerer === undefined) throw new BenchError('bench_usage', 'ours: ask() before build() or load()');
    const answer = this.answerer.ask(question);
    const { status, confidence } = answer;
    if (status === 'no_answer') return { reply: '', passageId: null, noAnswer: true, status, confidence };
    const source = answer.sources[0];
    return { reply: answer.answer, passageId: source === undefined ? null : `${source.file}#${source.line}`, noAnswer: false, status, confidence };
  }
}

/**
 * Checks that the loader made exactly one passage per SQuAD paragraph, at the `file#line` the benchmark expects.
 * @returns the problems found, as text lines (none when the mapping is exact)
 */
export function checkMapping(corpus: BenchCorpus, loaded: readonly Pick<Passage, 'source'>[]): string[] {
  const ids = new Set(loaded.map((p) => `${p.source.file}#${p.source.line}`));
  const missing = corpus.passages.filter((p) => !ids.has(p.id));
  const notes: string[] = [];
  if (missing.length > 0) {
    const examples = missing.slice(0, 3).map((p) => join(corpus.dir, p.id)).join(', ');
    notes.push(`${missing.length} of ${corpus.passages.length} SQuAD paragraphs have no passage at their expected file#line ` +
      `(e.g. ${examples}); their questions cannot score passage accuracy`);
  }
  if (loaded.length !== corpus.passages.length) notes.push(`the loader made ${loaded.length} passages from ${corpus.passages.length} paragraphs`);
  return notes;
}
