/** The maintainers' report: what people asked and what the bot could not answer. Pure functions. */
import type { QuestionReport } from '../types';
import type { LoggedQuestion } from './records';
import { groupQuestions } from './similarity';

/** Options for {@link buildReport}. */
export interface ReportOptions {
  /** Start of the period (inclusive). */
  since: Date;
  /** End of the period (inclusive). */
  now: Date;
  /** Groups listed in each of `topQuestions` and `needsWork`; 0 skips grouping (for figures only, e.g. `/kb stats`). @defaultValue 10 */
  top?: number;
}

/**
 * Summarises logged questions asked between `since` and `now`.
 *
 * - `questions`: every question asked, small talk included.
 * - `answerRate`: answered ÷ (answered + no answer), rounded to 4 decimals. Small talk ("hello",
 *   "thanks") is left out: it is neither a success nor a gap in the knowledge. 0 when nothing counted.
 * - `feedback.ratio`: 👍 ÷ (👍 + 👎), null without votes.
 * - `latencyMs`: nearest-rank percentiles (the smallest latency at or above which p% of questions fall), 0 when empty.
 * - `topQuestions`: questions grouped by similarity, small talk left out.
 * - `needsWork`: questions with no answer, or whose answer got at least one 👎 and no more 👍 than 👎.
 *
 * @example
 * const { questions } = log.read(since);
 * const report = buildReport(questions, { since, now: new Date() });
 */
export function buildReport(questions: readonly LoggedQuestion[], options: ReportOptions): QuestionReport {
  const top = options.top ?? 10;
  const from = options.since.getTime();
  const to = options.now.getTime();
  const window = questions.filter((q) => {
    const t = Date.parse(q.time);
    return t >= from && t <= to;
  });

  const answered = window.filter((q) => q.status === 'answered').length;
  const unanswered = window.filter((q) => q.status === 'no_answer').length;
  const up = sum(window.map((q) => q.feedback.up));
  const down = sum(window.map((q) => q.feedback.down));
  const latencies = window.map((q) => q.latencyMs).sort((a, b) => a - b);
  const needsWork = window.filter((q) => q.status === 'no_answer' || (q.feedback.down > 0 && q.feedback.down >= q.feedback.up));

  return {
    since: options.since.toISOString(),
    questions: window.length,
    answerRate: answered + unanswered === 0 ? 0 : round(answered / (answered + unanswered)),
    feedback: { up, down, ratio: up + down === 0 ? null : round(up / (up + down)) },
    latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    topQuestions: top > 0 ? groupQuestions(window.filter((q) => q.status !== 'chitchat').map((q) => q.question)).slice(0, top) : [],
    needsWork: top > 0 ? groupQuestions(needsWork.map((q) => q.question)).slice(0, top) : [],
  };
}

/** Nearest-rank percentile of sorted values; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** The report as short plain text for a terminal or a chat message (no markup). */
export function formatReport(report: QuestionReport): string {
  const lines = [`Questions since ${report.since.slice(0, 16).replace('T', ' ')} UTC: ${report.questions}`];
  if (report.questions > 0) {
    lines.push(`Answer rate: ${percent(report.answerRate)} (small talk not counted)`);
    const { up, down, ratio } = report.feedback;
    lines.push(`Feedback: ${up} up, ${down} down${ratio === null ? '' : ` (${percent(ratio)} up)`}`);
    lines.push(`Latency: p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms`);
  }
  lines.push('', 'Needs work (unanswered or voted down), most frequent first:');
  lines.push(...formatGroups(report.needsWork, 'Nothing: every question got an answer nobody voted down.'));
  lines.push('', 'Most asked:');
  lines.push(...formatGroups(report.topQuestions, 'No questions yet.'));
  return `${lines.join('\n')}\n`;
}

function formatGroups(groups: QuestionReport['needsWork'], empty: string): string[] {
  if (groups.length === 0) return [`  ${empty}`];
  return groups.flatMap((g) => [
    `  ${String(g.count).padStart(3)}x  ${g.question}`,
    ...(g.variants.length > 0 ? [`        also: ${g.variants.map((v) => `"${v}"`).join(', ')}`] : []),
  ]);
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
