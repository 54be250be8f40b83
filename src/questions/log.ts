/** The maintainers' question log: what people asked and how it went, kept in the store (SQLite or PostgreSQL). */
import { randomBytes, randomUUID } from 'node:crypto';
import { NetworkQaError, describeError } from '../errors';
import { silentLogger } from '../log';
import type { Store, StorePruneResult } from '../store/store';
import { storeCutoffs } from '../store/retention';
import type { Answer, AskContext, Logger, Platform, QuestionReport, Vote } from '../types';
import { GROUPING_CHARS, MAX_QUESTION_LENGTH, type FeedbackRecord, type LoggedQuestion, type QuestionRecord } from './records';
import { hashUser } from './salt';

const DAY_MS = 86_400_000;
/**
 * Rows per page read for a report. SQLite reads a page synchronously; on this project's machine 1,000 rows
 * take about 5 ms (`npm run bench:report`), well inside the 50 ms an answer may wait.
 */
const REPORT_PAGE_SIZE = 1000;

/** Options for {@link openQuestionLog}; defaults live in {@link defaultQuestionLogOptions}. */
export interface QuestionLogOptions {
  /** Where the log is kept; null keeps nothing (like `enabled: false`). */
  store: Store | null;
  /** False (`LOG_QUESTIONS=off`) makes every method a no-op: nothing is read or written. */
  enabled: boolean;
  /** Records older than this many days are deleted by {@link QuestionLog.prune} and ignored when reading. @defaultValue 90 */
  retentionDays?: number;
  /** Prune when opened and then once a day (a bot); false for a reader such as `network-qa report`. @defaultValue true */
  prune?: boolean;
  /** The clock. @defaultValue () => new Date() */
  now?: () => Date;
  /** Where write failures are reported (a failed write never fails the question). @defaultValue silentLogger */
  logger?: Logger;
}

/** Defaults for {@link QuestionLogOptions}. */
export const defaultQuestionLogOptions = {
  retentionDays: 90,
  prune: true,
  now: () => new Date(),
  logger: silentLogger,
} as const;

/** What the core hands to {@link QuestionLog.record} after answering. */
export interface QuestionEntry {
  /** The question as asked. */
  question: string;
  answer: Pick<Answer, 'id' | 'status' | 'confidence' | 'sources'>;
  /** Time taken to answer, in milliseconds. */
  latencyMs: number;
  context?: Pick<AskContext, 'platform' | 'userId'>;
}

/** Who gave feedback. */
export interface FeedbackContext {
  platform?: Platform;
  userId?: string;
}

/** What {@link QuestionLog.read} returns. */
export interface QuestionLogContents {
  /** Questions, oldest first, with their votes counted (one per user, the last one counts). */
  questions: LoggedQuestion[];
}

const NOTHING_PRUNED: StorePruneResult = { questions: 0, votes: 0, events: 0, conversationTurns: 0 };

/**
 * The question log over a {@link Store}. Writing never blocks or fails a question: {@link QuestionLog.record}
 * and {@link QuestionLog.feedback} return at once and report a failed write to the logger
 * (`question_log_write_failed`); {@link QuestionLog.flush} waits for writes still under way.
 */
export class QuestionLog {
  readonly enabled: boolean;
  readonly retentionDays: number;
  private readonly store: Store | null;
  private readonly now: () => Date;
  private readonly logger: Logger;
  private readonly pruning: boolean;
  private readonly pending = new Set<Promise<unknown>>();
  private lastPrune = 0;

  /** Use {@link openQuestionLog}: the salt comes from the store. */
  constructor(
    options: QuestionLogOptions,
    private readonly salt: string,
  ) {
    const o = { ...defaultQuestionLogOptions, ...dropUndefined(options) };
    if (!Number.isFinite(o.retentionDays) || o.retentionDays <= 0) {
      throw new NetworkQaError('config_invalid', `Question log retentionDays must be a positive number of days, got ${String(o.retentionDays)}`);
    }
    this.store = o.enabled ? o.store : null;
    this.enabled = this.store !== null;
    this.retentionDays = o.retentionDays;
    this.now = o.now;
    this.logger = o.logger;
    this.pruning = o.prune;
    if (this.enabled && this.pruning) this.pruneQuietly();
  }

  /** Records one question; returns at once and never throws (a failed write is logged). */
  record(entry: QuestionEntry): void {
    if (!this.store) return;
    // A bot runs for months: prune once a day, not only at start.
    if (this.pruning && this.now().getTime() - this.lastPrune >= DAY_MS) this.pruneQuietly();
    const platform = entry.context?.platform ?? null;
    const record: QuestionRecord = {
      type: 'question',
      id: entry.answer.id,
      time: this.now().toISOString(),
      platform,
      status: entry.answer.status,
      confidence: round(entry.answer.confidence, 3),
      sources: entry.answer.sources.map((s) => `${s.file}#${s.line}`),
      latencyMs: round(Math.max(0, entry.latencyMs), 1),
      question: entry.question.slice(0, MAX_QUESTION_LENGTH),
      user: this.userHash(platform, entry.context?.userId),
    };
    this.track(this.store.addQuestion(record));
  }

  /** Records a 👍/👎 vote on an earlier answer (a user's later vote on it replaces the earlier one); never throws. */
  feedback(answerId: string, vote: Vote, context: FeedbackContext = {}): void {
    if (!this.store) return;
    const platform = context.platform ?? null;
    const record: FeedbackRecord = { type: 'feedback', id: answerId, vote, time: this.now().toISOString(), platform, user: this.userHash(platform, context.userId) };
    // Each anonymous vote counts on its own.
    this.track(this.store.addVote({ ...record, voter: record.user ?? `anonymous:${randomUUID()}` }));
  }

  /**
   * The questions asked since `since` (and within the retention period), a page at a time, oldest first.
   * @param read how much of each question text, and how many rows per page @defaultValue the whole text, the store's page size
   */
  async *pages(since?: Date, read: { maxQuestionChars?: number; pageSize?: number } = {}): AsyncIterable<LoggedQuestion[]> {
    if (!this.store) return;
    const from = new Date(Math.max(since?.getTime() ?? -Infinity, this.cutoff()));
    yield* this.store.readQuestions({ from, to: this.now(), ...read });
  }

  /** Reads the questions asked since `since` (and within the retention period), votes counted. */
  async read(since?: Date): Promise<QuestionLogContents> {
    const questions: LoggedQuestion[] = [];
    for await (const page of this.pages(since)) questions.push(...page);
    return { questions };
  }

  /**
   * The report for the questions asked since `since`; reads page by page and groups in slices, so a bot
   * keeps answering meanwhile.
   * @param top groups listed (0: figures only)
   */
  report(since: Date, top?: number): Promise<QuestionReport> {
    // Only what grouping reads of each question, in pages small enough to read between two answers.
    const pages = this.pages(since, { maxQuestionChars: GROUPING_CHARS, pageSize: REPORT_PAGE_SIZE });
    // The report's grouping (natural's stemmers and distances) loads when a maintainer first asks for a report, not at start.
    const { buildReportFromPages } = require('./report') as typeof import('./report');
    return buildReportFromPages(pages, { since, now: this.now(), ...(top === undefined ? {} : { top }) });
  }

  /** Deletes questions and votes older than the retention period (and expired event ids and conversations). */
  async prune(): Promise<StorePruneResult> {
    if (!this.store) return NOTHING_PRUNED;
    this.lastPrune = this.now().getTime();
    return this.store.prune(storeCutoffs(this.now(), this.retentionDays));
  }

  /** Waits for the writes still under way. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private pruneQuietly(): void {
    this.lastPrune = this.now().getTime();
    const pruned = this.prune().catch((error: unknown) => {
      // An unprunable log is not a reason to stop answering questions.
      this.logger.warn({ code: 'question_log_prune_failed', store: this.store?.location, error: describeError(error) }, 'Could not prune the question log');
    });
    this.track(pruned);
  }

  private track(write: Promise<unknown>): void {
    const tracked = write
      .catch((error: unknown) => {
        this.logger.warn({ code: 'question_log_write_failed', store: this.store?.location, error: describeError(error) }, 'Could not write to the question log');
      })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private cutoff(): number {
    return this.now().getTime() - this.retentionDays * DAY_MS;
  }

  private userHash(platform: Platform | null, userId: string | undefined): string | null {
    if (userId === undefined || userId === '') return null;
    return hashUser(this.salt, platform, userId);
  }
}

/**
 * Opens the question log over a store (the salt for user hashes is the store's, shared by every process).
 * @example
 * const log = await openQuestionLog({ store, enabled: true });
 * log.record({ question, answer, latencyMs: 12, context: { platform: 'slack', userId: 'U123' } });
 */
export async function openQuestionLog(options: QuestionLogOptions): Promise<QuestionLog> {
  const salt = options.enabled && options.store ? await options.store.userSalt(randomBytes(32).toString('hex')) : '';
  return new QuestionLog(options, salt);
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
