/** The one shape every benchmarked system plugs in with: our core and the baselines alike. */
import type { BenchCorpus } from './squad';

/** What a system replied to one question, reduced to what the benchmark scores. */
export interface BenchReply {
  /** The text shown to the user ('' for no_answer). */
  reply: string;
  /** Id (`file#line`) of the passage the reply came from; null when none. */
  passageId: string | null;
  /** The system declined to answer. */
  noAnswer: boolean;
  /** The reply's status when the system tells (ours: `answered`, `no_answer` or `chitchat`); else taken from `noAnswer`. */
  status?: 'answered' | 'no_answer' | 'chitchat';
  /** The system's confidence 0..1 in the reply, when it gives one (ours does; the baselines do not). */
  confidence?: number;
}

/**
 * A system under benchmark. The harness calls, in order: `prepare` (untimed), `build` (timed,
 * heap measured), `save`, `load` (timed; the loaded index then answers), and `ask` per question (timed).
 */
export interface BenchSystem {
  readonly name: string;
  /** Untimed set-up, e.g. reading the knowledge folder through the loader. */
  prepare?(corpus: BenchCorpus): void | Promise<void>;
  /** Builds the index over the corpus's passages; the system keeps it. */
  build(corpus: BenchCorpus): void | Promise<void>;
  /** Writes the built index to `file`. */
  save(file: string): void | Promise<void>;
  /** Replaces the system's index with the one saved in `file`. */
  load(file: string): void | Promise<void>;
  /** Answers one question from the current index. */
  ask(question: string): BenchReply;
}
