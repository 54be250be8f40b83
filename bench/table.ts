/** Presenting the benchmark's results: one aligned text table, the target checks, and a JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CliLatency } from './cli-latency';
import { QUESTION_TYPES, type Summary, type TypeBreakdown } from './score';
import type { Squad2Results } from './squad2-run';

/** Everything measured for one system. */
export interface SystemResult extends Summary {
  name: string;
  /** Untimed set-up such as reading the knowledge folder, in milliseconds (reported, not a target). */
  prepareMs: number;
  buildMs: number;
  loadMs: number;
  /** Heap (plus array buffers) held by the built index, in bytes, measured between full garbage collections. */
  indexHeapBytes: number;
  /** Size of the saved index file in bytes. */
  indexFileBytes: number;
  /** Passage accuracy and answer recall per question type ("when", "how many", …). */
  byType: TypeBreakdown;
}

/** The whole run, as written to the JSON file. */
export interface BenchResults {
  date: string;
  /** `loadAverage`: the 1-minute load average before and after the run; timings are trustworthy only near 0. */
  machine: { cpu: string; cores: number; memoryGB: number; node: string; platform: string; loadAverage: [number, number] };
  data: string;
  articles: number;
  passages: number;
  questions: number;
  limit: number | null;
  seed: number | null;
  systems: SystemResult[];
  targets: TargetCheck[];
  /** The SQuAD v2.0 part (check split); absent with --no-squad2. */
  squad2?: Squad2Results;
  /** The same questions through `network-qa ask --json --batch` (bench/cli-latency.ts); absent when ours did not run. */
  cli?: CliLatency;
}

/** One target of issue 3 and whether our system met it in this run. */
export interface TargetCheck {
  target: string;
  met: boolean;
  detail: string;
}

const pct = (share: number): string => (Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '-');
const num = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const mb = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1048576).toFixed(1) : '-');

const COLUMNS: Array<{ title: string; cell: (r: SystemResult) => string }> = [
  { title: 'system', cell: (r) => r.name },
  { title: 'passage acc', cell: (r) => pct(r.passageAccuracy) },
  { title: 'answer recall', cell: (r) => pct(r.answerRecall) },
  { title: 'reply chars', cell: (r) => num(r.meanReplyChars) },
  { title: 'no_answer', cell: (r) => pct(r.noAnswerShare) },
  { title: 'build ms', cell: (r) => num(r.buildMs) },
  { title: 'load ms', cell: (r) => num(r.loadMs) },
  { title: 'index MB', cell: (r) => mb(r.indexHeapBytes) },
  { title: 'p50 µs', cell: (r) => num(r.latencyUs.p50) },
  { title: 'p95 µs', cell: (r) => num(r.latencyUs.p95) },
  { title: 'p99 µs', cell: (r) => num(r.latencyUs.p99) },
];

/** The results as one aligned table (first column left-aligned, numbers right-aligned), lines joined with "\n". */
export function formatTable(results: readonly SystemResult[]): string {
  const rows = [COLUMNS.map((c) => c.title), ...results.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]): string =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Answer recall (and passage accuracy) per question type, one column per system, as an aligned table. */
export function formatTypeTable(results: readonly SystemResult[]): string {
  const types = QUESTION_TYPES.filter((t) => results.some((r) => r.byType[t] !== undefined));
  const rows = [
    ['question type', 'questions', ...results.map((r) => `${r.name} recall (passage)`)],
    ...types.map((t) => [
      t,
      String(results.find((r) => r.byType[t] !== undefined)?.byType[t]?.questions ?? 0),
      ...results.map((r) => {
        const b = r.byType[t];
        return b === undefined ? '-' : `${pct(b.answerRecall)} (${pct(b.passageAccuracy)})`;
      }),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}

/** The same results as a Markdown table, ready to paste into the README. */
export function formatMarkdown(results: readonly SystemResult[]): string {
  const head = `| ${COLUMNS.map((c) => c.title).join(' | ')} |`;
  const rule = `|${COLUMNS.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [head, rule, ...results.map((r) => `| ${COLUMNS.map((c) => c.cell(r)).join(' | ')} |`)].join('\n');
}

/**
 * Checks issue 3's targets for `ours` against the best baselines of the same run.
 * @returns no checks when `ours` or both baselines are missing
 */
export function checkTargets(results: readonly SystemResult[], ours = 'ours', fastest = 'wink-bm25'): TargetCheck[] {
  const me = results.find((r) => r.name === ours);
  const baselines = results.filter((r) => r.name !== ours);
  if (me === undefined || baselines.length === 0) return [];
  const bestRecall = Math.max(...baselines.map((r) => r.answerRecall));
  const checks: TargetCheck[] = [
    {
      target: 'answer recall >= 76% and >= best baseline + 10 points',
      met: me.answerRecall >= 0.76 && me.answerRecall >= bestRecall + 0.1,
      detail: `${pct(me.answerRecall)} vs best baseline ${pct(bestRecall)}`,
    },
    { target: 'passage accuracy >= 82%', met: me.passageAccuracy >= 0.82, detail: pct(me.passageAccuracy) },
  ];
  const wink = results.find((r) => r.name === fastest);
  if (wink !== undefined) {
    checks.push({
      target: `ask() p50 and p99 no slower than ${fastest}`,
      met: me.latencyUs.p50 <= wink.latencyUs.p50 && me.latencyUs.p99 <= wink.latencyUs.p99,
      detail: `p50 ${num(me.latencyUs.p50)} vs ${num(wink.latencyUs.p50)} µs, p99 ${num(me.latencyUs.p99)} vs ${num(wink.latencyUs.p99)} µs`,
    });
  }
  checks.push({
    target: 'loading the saved index >= 5x faster than building it',
    met: me.loadMs * 5 <= me.buildMs,
    detail: `load ${num(me.loadMs, 1)} ms, build ${num(me.buildMs, 1)} ms (${num(me.buildMs / me.loadMs, 1)}x)`,
  });
  return checks;
}

/** The target checks as text lines. */
export function formatTargets(checks: readonly TargetCheck[]): string {
  return checks.map((c) => `${c.met ? 'met   ' : 'MISSED'}  ${c.target}: ${c.detail}`).join('\n');
}

/** Writes the results as pretty JSON, creating the folder when needed. */
export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n', 'utf8');
}
