/** Running long work in slices so the event loop keeps serving other work (answers) in between. */
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Longest slice of work between two turns of the event loop (ms): an answer waiting behind it is delayed
 * by at most this much, well under the 50 ms answering budget of issue 12.
 */
export const DEFAULT_SLICE_MS = 10;

/**
 * Runs a generator that yields at safe points, giving the event loop a turn whenever `sliceMs` has passed.
 * @returns the generator's return value
 */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs: number = DEFAULT_SLICE_MS): Promise<T> {
  let deadline = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= deadline) {
      await nextTurn();
      deadline = performance.now() + sliceMs;
    }
  }
}
