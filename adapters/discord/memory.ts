/** A Map that forgets its oldest entries beyond `limit`, so a long-running bot's memory stays flat. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  /** @param limit how many entries to keep @defaultValue 1000 */
  constructor(private readonly limit = 1000) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): this {
    this.entries.delete(key); // re-inserting moves the key to the newest end
    this.entries.set(key, value);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
    return this;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What the bot remembers about its recent answers: enough for follow-ups, related buttons and one vote per person. */
export class ConversationMemory {
  /** Bot message id → the question it answered (as understood), for replies to that message. */
  readonly questionByMessage: BoundedMap<string, string>;
  /** Answer id → its related questions, for related buttons whose question did not fit in the custom id. */
  readonly relatedByAnswer: BoundedMap<string, string[]>;
  /** `answerId:userId` of recorded votes, so one person counts once per answer. */
  readonly votes: BoundedMap<string, true>;
  /** How long the core took for recent questions. */
  readonly askLatency = new LatencyWatch();

  /** @param limit entries kept per kind @defaultValue 1000 */
  constructor(limit = 1000) {
    this.questionByMessage = new BoundedMap(limit);
    this.relatedByAnswer = new BoundedMap(limit);
    this.votes = new BoundedMap(limit * 4);
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
