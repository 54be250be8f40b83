/** The maintainers' report: what people asked and what the bot could not answer. Pure functions. */
import type { QuestionReport } from '../types';
import type { LoggedQuestion } from './records';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { groupQuestions, groupQuestionsInSlices } from './similarity';

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
  const report = new ReportBuilder(options);
  for (const q of questions) report.add(q);
  return report.finish();
}

/**
 * {@link buildReport} over pages of questions as a store reads them, grouping in slices that yield to the event
 * loop: a bot keeps answering while a maintainer's report over a large log is built.
 * @example
 * const report = await buildReportFromPages(store.readQuestions({ from: since }), { since, now: new Date() });
 */
export async function buildReportFromPages(pages: AsyncIterable<readonly LoggedQuestion[]>, options: ReportOptions): Promise<QuestionReport> {
  const report = new ReportBuilder(options);
  for await (const page of pages) {
    for (const q of page) report.add(q);
    // Let answers waiting behind a page run before the next one.
    await nextTurn();
  }
  return report.finishInSlices();
}

/** Takes questions one at a time, keeping only what the report needs. */
class ReportBuilder {
  private readonly top: number;
  private readonly from: number;
  private readonly to: number;
  private count = 0;
  private answered = 0;
  private unanswered = 0;
  private up = 0;
  private down = 0;
  private readonly latencies: number[] = [];
  /** Texts of the questions that are not small talk, for "most asked". */
  private readonly asked: string[] = [];
  private readonly needsWork: string[] = [];

  constructor(private readonly options: ReportOptions) {
    this.top = options.top ?? 10;
    this.from = options.since.getTime();
    this.to = options.now.getTime();
  }

  add(q: LoggedQuestion): void {
    const t = Date.parse(q.time);
    if (!(t >= this.from && t <= this.to)) return;
    this.count += 1;
    if (q.status === 'answered') this.answered += 1;
    if (q.status === 'no_answer') this.unanswered += 1;
    this.up += q.feedback.up;
    this.down += q.feedback.down;
    this.latencies.push(q.latencyMs);
    if (this.top <= 0) return;
    if (q.status !== 'chitchat') this.asked.push(q.question);
    if (q.status === 'no_answer' || (q.feedback.down > 0 && q.feedback.down >= q.feedback.up)) this.needsWork.push(q.question);
  }

  finish(): QuestionReport {
    return {
      ...this.figures(),
      topQuestions: this.top > 0 ? groupQuestions(this.asked, this.top) : [],
      needsWork: this.top > 0 ? groupQuestions(this.needsWork, this.top) : [],
    };
  }

  async finishInSlices(): Promise<QuestionReport> {
    return {
      ...this.figures(),
      topQuestions: this.top > 0 ? await groupQuestionsInSlices(this.asked, this.top) : [],
      needsWork: this.top > 0 ? await groupQuestionsInSlices(this.needsWork, this.top) : [],
    };
  }

  private figures(): Omit<QuestionReport, 'topQuestions' | 'needsWork'> {
    const { answered, unanswered, up, down } = this;
    const latencies = this.latencies.sort((a, b) => a - b);
    return {
      since: this.options.since.toISOString(),
      questions: this.count,
      answerRate: answered + unanswered === 0 ? 0 : round(answered / (answered + unanswered)),
      feedback: { up, down, ratio: up + down === 0 ? null : round(up / (up + down)) },
      latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    };
  }
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

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
