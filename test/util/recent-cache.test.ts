import { RecentCache } from '../../src/util/recent-cache';

describe('RecentCache', () => {
  it('returns what was set, and undefined for what was not', () => {
    const cache = new RecentCache<string, number>(4);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
  });

  it('never holds more than its capacity, however many keys pass through', () => {
    const cache = new RecentCache<number, number>(10);
    for (let i = 0; i < 1000; i++) cache.set(i, i);
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.get(999)).toBe(999);
    expect(cache.get(0)).toBeUndefined();
  });

  it('keeps an entry that is still read while others come and go', () => {
    const cache = new RecentCache<string, number>(4);
    cache.set('hot', 1);
    for (let i = 0; i < 50; i++) {
      cache.set(`cold${i}`, i);
      expect(cache.get('hot')).toBe(1);
    }
  });

  it('refuses a capacity too small to hold two generations', () => {
    expect(() => new RecentCache(1)).toThrow(RangeError);
  });
});
