/**
 * The flags the bot runs Node with (`npm start` in package.json, the shebang of `bin/network-qa.js`): the benchmarks
 * run their timed processes with the same ones, so that they time what the bot does.
 *
 * --v8-pool-size=1: V8's background compiler and GC helpers default to four threads. On a two-core machine those four
 * and the answering thread outnumber the cores, so after a reload (when V8 recompiles the code it had specialised on
 * the old index) the answering thread lost a 4 ms scheduler slice every ten or so questions: ask() p99 at 10× the SQuAD
 * corpus was 4.3–5.3 ms with the default pool and 0.65–1.04 ms with one thread (three runs each, 2026-12-02). One
 * helper thread still compiles and marks in the background, and answering keeps a core of its own.
 */
export const NODE_FLAGS: readonly string[] = ['--v8-pool-size=1'];
