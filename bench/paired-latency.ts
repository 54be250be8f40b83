/**
 * Latency of the systems the speed target compares, timed in passes of their own in the order A B B A, so that a
 * drift of the machine's speed over the run (other jobs on a shared two-core machine) weighs on each alike.
 *
 * The quality pass (bench/run.ts) asks each system all its questions once, one system after the other, each just
 * after building, saving and loading its index: over a session's five bench runs our p99 against wink-bm25's went
 * from 0.59× to 1.09× with answers unchanged. Taking turns question block by question block was tried first and
 * left: a system timed between another's blocks inherits its garbage and evicted caches (wink-bm25 asked in turns with
 * the default MiniSearch, which allocates far more, went from p50/p99 321/1,462 µs alone to 405/3,806 µs; measured
 * 2026-12-03), so each system here keeps whole passes to itself.
 */
import type { BenchSystem } from './system';

/** A–B then B–A: two passes each, in mirrored order. */
export const PAIRED_ROUNDS = 2;

/** Per system name, the time each ask() took over its passes, in microseconds (rounds × questions values). */
export function pairedLatency(systems: readonly BenchSystem[], questions: readonly string[], rounds: number = PAIRED_ROUNDS): Map<string, number[]> {
  const times = new Map<string, number[]>(systems.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? systems : [...systems].reverse();
    for (const system of order) {
      const into = times.get(system.name)!;
      for (const question of questions) {
        const t = process.hrtime.bigint();
        system.ask(question);
        into.push(Number(process.hrtime.bigint() - t) / 1e3);
      }
    }
  }
  return times;
}
