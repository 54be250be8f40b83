/** The on-disk format of the maintainers' question log: one JSON object per line (`questions.jsonl`). */
import type { AnswerStatus, Platform, Vote } from '../types';

/** One question and how it was answered, as written to the log. */
export interface QuestionRecord {
  type: 'question';
  /** The Answer id; feedback refers to it. */
  id: string;
  /** When the question was asked (ISO 8601). */
  time: string;
  platform: Platform | null;
  status: AnswerStatus;
  confidence: number;
  /** The sources cited, as `file#line`, best first. */
  sources: string[];
  latencyMs: number;
  /** The question text as asked (at most {@link MAX_QUESTION_LENGTH} characters). */
  question: string;
  /** Salted SHA-256 of platform + user id, or null when the adapter gave none. Never the raw id. */
  user: string | null;
}

/** A 👍/👎 vote on an earlier answer, as written to the log. */
export interface FeedbackRecord {
  type: 'feedback';
  /** The Answer id voted on. */
  id: string;
  vote: Vote;
  time: string;
  platform: Platform | null;
  user: string | null;
}

export type LogRecord = QuestionRecord | FeedbackRecord;

/** A question with the feedback given on its answer merged in (one vote per user; the last one counts). */
export interface LoggedQuestion extends QuestionRecord {
  feedback: { up: number; down: number };
}

/** Longest question text kept; longer text is cut so that one record stays one small write. */
export const MAX_QUESTION_LENGTH = 1000;

const STATUSES: ReadonlySet<string> = new Set(['answered', 'no_answer', 'chitchat']);

/** Where a JSON object starts inside a damaged line: a record glued after a torn write is still recovered. */
const RECORD_START = '{"type":';

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function validTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** Checks the shape of one parsed line; anything else counts as damaged. */
function asRecord(value: unknown): LogRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (!isString(r.id) || !validTime(r.time) || !isNullableString(r.platform) || !isNullableString(r.user)) return null;
  if (r.type === 'feedback') {
    return r.vote === 'up' || r.vote === 'down' ? (r as unknown as FeedbackRecord) : null;
  }
  if (r.type === 'question') {
    const ok =
      isString(r.status) && STATUSES.has(r.status) &&
      typeof r.confidence === 'number' &&
      typeof r.latencyMs === 'number' &&
      isString(r.question) &&
      Array.isArray(r.sources) && r.sources.every(isString);
    return ok ? (r as unknown as QuestionRecord) : null;
  }
  return null;
}

function tryParse(text: string): LogRecord | null {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Parses one line of the log.
 * A line damaged by a torn write (a kill mid-append followed by a later append) still yields
 * the complete record that follows the damage.
 * @returns the record, or null when the line holds none
 */
export function parseLine(line: string): LogRecord | null {
  const text = line.trim();
  if (text === '') return null;
  const whole = tryParse(text);
  if (whole) return whole;
  const start = text.lastIndexOf(RECORD_START);
  return start > 0 ? tryParse(text.slice(start)) : null;
}

/** Result of reading the log file. */
export interface ParsedLog {
  records: LogRecord[];
  /** Non-empty lines that held no valid record (torn or hand-edited). */
  damaged: number;
}

/** Parses the whole text of a log file, skipping and counting damaged lines. */
export function parseLog(text: string): ParsedLog {
  const records: LogRecord[] = [];
  let damaged = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const record = parseLine(line);
    if (record) records.push(record);
    else damaged += 1;
  }
  return { records, damaged };
}

/**
 * Joins feedback onto its question. Each user's last vote counts once; anonymous votes each count.
 * Feedback on a question not in `records` (pruned, or outside the window) is ignored.
 */
export function mergeFeedback(records: readonly LogRecord[]): LoggedQuestion[] {
  const questions = new Map<string, LoggedQuestion>();
  const votes = new Map<string, Map<string, Vote>>();
  let anonymous = 0;
  for (const record of records) {
    if (record.type === 'question') {
      questions.set(record.id, { ...record, feedback: { up: 0, down: 0 } });
    } else {
      const byUser = votes.get(record.id) ?? new Map<string, Vote>();
      byUser.set(record.user ?? `anonymous:${anonymous++}`, record.vote);
      votes.set(record.id, byUser);
    }
  }
  for (const [id, byUser] of votes) {
    const question = questions.get(id);
    if (!question) continue;
    for (const vote of byUser.values()) question.feedback[vote] += 1;
  }
  return [...questions.values()];
}

/**
 * Characters of a question read for grouping. The longest question of the project's question sets
 * (`test/eval/`, `../shared/eval/`) has 74 characters; 200 keep every real question whole, with room, while a
 * 1,000-character paste costs no more than a long question.
 */
export const GROUPING_CHARS = 200;
