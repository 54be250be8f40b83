/** Small in-memory state with fixed upper bounds, so a long-running bot never grows without limit. */
import { BoundedMap } from '../../src/util/bounded-map';

/**
 * Remembers what was already handled, so Slack's retries and duplicate deliveries get one reply.
 * `firstTime(key)` is true once per key (within the last `capacity` keys).
 */
export class Once {
  private readonly seen: BoundedMap<string, true>;

  /** @param capacity how many keys to remember @defaultValue 5000 */
  constructor(capacity = 5000) {
    this.seen = new BoundedMap(capacity);
  }

  /** Marks every key as seen; true only when none of them had been seen before. */
  firstTime(...keys: Array<string | undefined>): boolean {
    const present = keys.filter((key): key is string => typeof key === 'string' && key !== '');
    const fresh = present.every((key) => !this.seen.has(key));
    for (const key of present) this.seen.set(key, true);
    return fresh;
  }
}

/** Tracks running work so `stop()` can wait for replies that are still being sent. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work` and remembers it until it settles. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.running.add(promise);
    const forget = (): void => {
      this.running.delete(promise);
    };
    promise.then(forget, forget);
    return promise;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when everything running has settled, or after `timeoutMs`; true when all settled. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      while (this.running.size > 0) {
        const all = Promise.allSettled([...this.running]).then(() => true as const);
        if (!(await Promise.race([all, timeout]))) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
