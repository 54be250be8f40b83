/**
 * A cache for hot lookups that keeps at most `capacity` entries without touching anything on a hit: entries live in
 * two generations, and when the current one is full the older one is dropped whole. A hit in the older generation
 * moves the entry up, so what is in use survives. BoundedMap's exact LRU order costs a delete and a set on every
 * read, which was a quarter of resolving a question's words (issue 9's speed target).
 */
export class RecentCache<K, V> {
  private current = new Map<K, V>();
  private older = new Map<K, V>();
  private readonly generation: number;

  /** @param capacity most entries kept, both generations together */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`RecentCache capacity must be an integer of at least 2, got ${capacity}`);
    this.generation = Math.floor(capacity / 2);
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): this {
    if (this.current.size >= this.generation && !this.current.has(key)) {
      this.older = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
    return this;
  }

  /** Entries held (an entry in both generations counts once). */
  get size(): number {
    let size = this.current.size;
    for (const key of this.older.keys()) if (!this.current.has(key)) size++;
    return size;
  }
}
