/** The maintainers' question log: an append-only JSON-lines file of what people asked and how it went. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NetworkQaError } from '../errors';
import { silentLogger } from '../log';
import type { Answer, AskContext, Logger, Platform, Vote } from '../types';
import { writeFileAtomic } from '../files';
import { mergeFeedback, parseLog, MAX_QUESTION_LENGTH, type FeedbackRecord, type LoggedQuestion, type QuestionRecord } from './records';
import { hashUser, loadOrCreateSalt } from './salt';

const DAY_MS = 86_400_000;

/** Options for {@link openQuestionLog}; defaults live in {@link defaultQuestionLogOptions}. */
export interface QuestionLogOptions {
  /** The log file, usually `DATA_DIR/questions.jsonl`. */
  file: string;
  /** False (`LOG_QUESTIONS=off`) makes every method a no-op: nothing is read or written, not even the salt. */
  enabled: boolean;
  /** Records older than this many days are dropped by {@link QuestionLog.prune} and ignored by {@link QuestionLog.read}. @defaultValue 90 */
  retentionDays?: number;
  /** The salt for user id hashes. @defaultValue read from `saltFile`, created there on first use */
  salt?: string;
  /** Where the salt is kept. @defaultValue `salt` beside `file` */
  saltFile?: string;
  /** Only read: opening neither prunes nor repairs the file, and writing throws (for `network-qa report`, which may run beside the bot). @defaultValue false */
  readOnly?: boolean;
  /** The clock. @defaultValue () => new Date() */
  now?: () => Date;
  /** Where write failures are reported (a failed write never fails the question). @defaultValue silentLogger */
  logger?: Logger;
}

/** Defaults for {@link QuestionLogOptions}. */
export const defaultQuestionLogOptions = {
  retentionDays: 90,
  readOnly: false,
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
  /** Questions, oldest first, with their feedback merged in. */
  questions: LoggedQuestion[];
  /** Lines that held no valid record (a torn last write, a hand edit); they are skipped. */
  damaged: number;
}

/** What {@link QuestionLog.prune} did. */
export interface PruneResult {
  kept: number;
  removed: number;
  /** Damaged lines dropped while rewriting. */
  damaged: number;
}

const NOTHING_PRUNED: PruneResult = { kept: 0, removed: 0, damaged: 0 };

/**
 * An append-only JSON-lines log of questions and feedback.
 *
 * Each record is one line written with a single append to a file opened by path (`O_APPEND`), so a
 * process killed mid-write loses at most that line, and a rename by {@link QuestionLog.prune} is seen
 * by the next write. One process (the bot) should write a log; others open it `readOnly`.
 */
export class QuestionLog {
  readonly file: string;
  readonly enabled: boolean;
  readonly retentionDays: number;
  private readonly readOnly: boolean;
  private readonly saltFile: string;
  private readonly now: () => Date;
  private readonly logger: Logger;
  private salt: string | undefined;
  private lastPrune = 0;

  /** Opens the log; unless disabled or read-only, prunes old records and repairs a torn last line. */
  constructor(options: QuestionLogOptions) {
    const o = { ...defaultQuestionLogOptions, ...dropUndefined(options) };
    if (!Number.isFinite(o.retentionDays) || o.retentionDays <= 0) {
      throw new NetworkQaError('config_invalid', `Question log retentionDays must be a positive number of days, got ${String(o.retentionDays)}`);
    }
    this.file = o.file;
    this.enabled = o.enabled;
    this.retentionDays = o.retentionDays;
    this.readOnly = o.readOnly;
    this.saltFile = o.saltFile ?? path.join(path.dirname(o.file), 'salt');
    this.now = o.now;
    this.logger = o.logger;
    this.salt = o.salt;
    if (this.enabled && !this.readOnly) this.pruneQuietly();
  }

  /** Appends one question; never throws for I/O problems (they are logged as `question_log_write_failed`). */
  record(entry: QuestionEntry): void {
    if (!this.enabled) return;
    this.assertWritable();
    // A bot runs for months: prune once a day, not only at start.
    if (this.now().getTime() - this.lastPrune >= DAY_MS) this.pruneQuietly();
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
    this.append(record);
  }

  /** Appends a 👍/👎 vote on an earlier answer; never throws for I/O problems. */
  feedback(answerId: string, vote: Vote, context: FeedbackContext = {}): void {
    if (!this.enabled) return;
    this.assertWritable();
    const platform = context.platform ?? null;
    const record: FeedbackRecord = {
      type: 'feedback',
      id: answerId,
      vote,
      time: this.now().toISOString(),
      platform,
      user: this.userHash(platform, context.userId),
    };
    this.append(record);
  }

  /**
   * Reads the questions asked since `since` (and within the retention period), feedback merged in.
   * Damaged lines are skipped and counted; a missing file reads as empty.
   */
  read(since?: Date): QuestionLogContents {
    if (!this.enabled) return { questions: [], damaged: 0 };
    const text = this.readText();
    if (text === null) return { questions: [], damaged: 0 };
    const { records, damaged } = parseLog(text);
    const from = Math.max(since?.getTime() ?? -Infinity, this.cutoff());
    const questions = mergeFeedback(records).filter((q) => Date.parse(q.time) >= from);
    return { questions, damaged };
  }

  /**
   * Drops records older than the retention period and damaged lines. The file is rewritten
   * atomically (temporary file in the same folder, fsync, rename), so a crash leaves either the old
   * or the new file, never half of one. Rewrites nothing when nothing needs dropping.
   * Runs at open and then at most once a day from {@link QuestionLog.record}.
   */
  prune(): PruneResult {
    if (!this.enabled || this.readOnly) return NOTHING_PRUNED;
    const text = this.readText();
    if (text === null) return NOTHING_PRUNED;
    const { records, damaged } = parseLog(text);
    const cutoff = this.cutoff();
    const kept = records.filter((r) => Date.parse(r.time) >= cutoff);
    const removed = records.length - kept.length;
    if (removed === 0 && damaged === 0) {
      // A complete last record without its newline: end the line so the next append starts a new one.
      if (text.length > 0 && !text.endsWith('\n')) this.appendText('\n');
      return { kept: kept.length, removed: 0, damaged: 0 };
    }
    if (damaged > 0) {
      this.logger.warn({ code: 'question_log_damaged_lines', file: this.file, damaged }, 'Dropped damaged lines from the question log');
    }
    writeFileAtomic(this.file, kept.map((r) => `${JSON.stringify(r)}\n`).join(''), 0o600);
    return { kept: kept.length, removed, damaged };
  }

  private pruneQuietly(): void {
    this.lastPrune = this.now().getTime();
    try {
      this.prune();
    } catch (error) {
      // An unprunable log is not a reason to stop answering questions.
      this.logger.warn({ code: 'question_log_prune_failed', file: this.file, error: messageOf(error) }, 'Could not prune the question log');
    }
  }

  private cutoff(): number {
    return this.now().getTime() - this.retentionDays * DAY_MS;
  }

  private assertWritable(): void {
    if (this.readOnly) throw new NetworkQaError('config_invalid', `The question log ${this.file} was opened read-only`);
  }

  private userHash(platform: Platform | null, userId: string | undefined): string | null {
    if (userId === undefined || userId === '') return null;
    try {
      this.salt ??= loadOrCreateSalt(this.saltFile);
    } catch (error) {
      // Without a salt there is no safe way to keep the user: keep the question, drop the user.
      this.logger.warn({ code: 'question_log_salt_failed', file: this.saltFile, error: messageOf(error) }, 'Question log salt unavailable; user not recorded');
      return null;
    }
    return hashUser(this.salt, platform, userId);
  }

  private append(record: QuestionRecord | FeedbackRecord): void {
    this.appendText(`${JSON.stringify(record)}\n`);
  }

  private appendText(text: string): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      // One write per record, by path: a rename by prune() is picked up by the next append.
      fs.appendFileSync(this.file, text, { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      this.logger.warn({ code: 'question_log_write_failed', file: this.file, error: messageOf(error) }, 'Could not write to the question log');
    }
  }

  private readText(): string | null {
    try {
      return fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new NetworkQaError('config_invalid', `Cannot read the question log ${this.file}: ${messageOf(error)}`, { cause: error });
    }
  }
}

/**
 * Opens the question log.
 * @example
 * const log = openQuestionLog({ file: '.network-qa/questions.jsonl', enabled: true });
 * log.record({ question, answer, latencyMs: 12, context: { platform: 'slack', userId: 'U123' } });
 */
export function openQuestionLog(options: QuestionLogOptions): QuestionLog {
  return new QuestionLog(options);
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The message of anything thrown; fs errors may come from another realm (Jest), so no `instanceof Error`. */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
