import { BoundedMap } from '../../src/util/bounded-map';

/**
 * What the adapter remembers about its recent answers, only what Discord itself cannot carry: which conversation
 * a bot message belongs to (replies to it continue that conversation), and related questions too long for a
 * button's custom id. The conversation itself (follow-ups, "more") is kept by the core.
 */
export class ConversationMemory {
  /** Bot message id → the conversation it answered in. */
  readonly conversationByMessage: BoundedMap<string, string>;
  /** Answer id → its related questions, for related buttons whose question did not fit in the custom id. */
  readonly relatedByAnswer: BoundedMap<string, string[]>;
  /** How long the core took for recent questions. */
  readonly askLatency = new LatencyWatch();

  /** @param limit entries kept per kind @defaultValue 1000 */
  constructor(limit = 1000) {
    this.conversationByMessage = new BoundedMap(limit);
    this.relatedByAnswer = new BoundedMap(limit);
  }
}

/** The durations of the last few answers, to tell whether the next one may be slow. */
export class LatencyWatch {
  private readonly recent: number[] = [];

  /** @param size how many durations to keep @defaultValue 20 */
  constructor(private readonly size = 20) {}

  record(ms: number): void {
    this.recent.push(ms);
    if (this.recent.length > this.size) this.recent.shift();
  }

  /** The slowest recent duration in ms (0 before the first). */
  slowest(): number {
    return this.recent.reduce((max, ms) => Math.max(max, ms), 0);
  }
}
