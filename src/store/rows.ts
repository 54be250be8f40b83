/** Turning rows of either engine into records, and the SQL both engines share. */
import type { AnswerStatus, Platform } from '../types';
import type { ConversationTurn } from '../conversation/store';
import type { LoggedQuestion } from '../questions/records';

/** Question texts are cut to this many characters when read, unless asked otherwise (the log keeps at most this many). */
export const DEFAULT_MAX_QUESTION_CHARS = 1000;
/** Rows fetched per page by `readQuestions`: large enough to amortise a round trip, small enough to yield often. */
export const DEFAULT_PAGE_SIZE = 5000;
/** Rows deleted per statement while pruning, so a prune never holds the write lock for long. */
export const PRUNE_BATCH = 5000;

/** A question row as both engines return it (PostgreSQL returns BIGINT as a string). */
export interface QuestionRow {
  seq: number | string;
  id: string;
  time_ms: number | string;
  platform: string | null;
  status: string;
  confidence: number;
  sources: string;
  latency_ms: number;
  question: string;
  user_hash: string | null;
  up: number | string;
  down: number | string;
}

/** The question page query; `?` placeholders in this order: max chars, from, to, after seq, limit. */
export const QUESTION_PAGE_SQL = `
  SELECT q.seq, q.id, q.time_ms, q.platform, q.status, q.confidence, q.sources, q.latency_ms,
         substr(q.question, 1, ?) AS question, q.user_hash,
         (SELECT COUNT(*) FROM votes v WHERE v.answer_id = q.id AND v.vote = 'up') AS up,
         (SELECT COUNT(*) FROM votes v WHERE v.answer_id = q.id AND v.vote = 'down') AS down
    FROM questions q
   WHERE q.time_ms >= ? AND q.time_ms <= ? AND q.seq > ?
   ORDER BY q.seq
   LIMIT ?`;

/** Batched deletes shared by both engines; `?` placeholders: cutoff, batch size. */
export const PRUNE_SQL = {
  questions: 'DELETE FROM questions WHERE seq IN (SELECT seq FROM questions WHERE time_ms < ? LIMIT ?)',
  votes: 'DELETE FROM votes WHERE (answer_id, voter) IN (SELECT answer_id, voter FROM votes WHERE time_ms < ? LIMIT ?)',
  events: 'DELETE FROM slack_events WHERE event_id IN (SELECT event_id FROM slack_events WHERE seen_ms < ? LIMIT ?)',
  conversationTurns: `DELETE FROM conversation_turns WHERE seq IN (
      SELECT t.seq FROM conversation_turns t
       WHERE t.conversation_id IN (SELECT conversation_id FROM conversation_turns GROUP BY conversation_id HAVING MAX(at_ms) < ?)
       LIMIT ?)`,
} as const;

/** Turns a row into the record the report reads. */
export function toLoggedQuestion(row: QuestionRow): LoggedQuestion {
  return {
    type: 'question',
    id: row.id,
    time: new Date(Number(row.time_ms)).toISOString(),
    platform: row.platform as Platform | null,
    status: row.status as AnswerStatus,
    confidence: row.confidence,
    sources: parseSources(row.sources),
    latencyMs: row.latency_ms,
    question: row.question,
    user: row.user_hash,
    feedback: { up: Number(row.up), down: Number(row.down) },
  };
}

function parseSources(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** A turn as stored (JSON); a damaged one reads as undefined and is skipped. */
export function parseTurn(text: string): ConversationTurn | undefined {
  try {
    const turn = JSON.parse(text) as ConversationTurn;
    return typeof turn === 'object' && turn !== null && typeof turn.answerId === 'string' ? turn : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds since the epoch of an ISO time (records are validated before they get here). */
export function timeMs(iso: string): number {
  return Date.parse(iso);
}

/** The setting key of the user-hash salt. */
export const SALT_KEY = 'user_salt';
