/**
 * The bot's shared state: the question log (questions and 👍/👎 votes), the Slack event ids already handled,
 * and the conversation turns. One interface, two engines: SQLite in `DATA_DIR` (several processes on one host)
 * and PostgreSQL (`DATABASE_URL`, several replicas behind a load balancer).
 */
import type { ConversationStore, ConversationStoreOptions } from '../conversation/store';
import type { FeedbackRecord, LoggedQuestion, QuestionRecord } from '../questions/records';

/** Which engine holds the store. */
export type StoreEngine = 'sqlite' | 'postgres';

/** What {@link Store.readQuestions} reads. */
export interface QuestionQuery {
  /** Questions asked at or after this time. */
  from: Date;
  /** …and at or before this time. @defaultValue no upper bound */
  to?: Date;
  /** Characters of each question text read (longer texts are cut). @defaultValue 1000 */
  maxQuestionChars?: number;
  /** Rows per page. @defaultValue 5000 */
  pageSize?: number;
}

/** What {@link Store.importRecords} added (records already present are skipped). */
export interface ImportResult {
  questions: number;
  votes: number;
  events: number;
}

/** A vote as stored: one per voter and answer, the last one counts. */
export interface VoteRecord extends FeedbackRecord {
  /** Who voted, as stored: the user hash, or a unique key for an anonymous vote (each anonymous vote counts). */
  voter: string;
}

/** What {@link Store.prune} removed. */
export interface StorePruneResult {
  questions: number;
  votes: number;
  events: number;
  conversationTurns: number;
}

/** Retention of each kind of record, for {@link Store.prune}. */
export interface PruneCutoffs {
  /** Questions and votes older than this are deleted. */
  questionsBefore: Date;
  /** Slack event ids seen before this are deleted. */
  eventsBefore: Date;
  /** Conversations whose last turn is older than this are deleted. */
  conversationsBefore: Date;
}

/**
 * The store. Every method is async (PostgreSQL needs it); SQLite's run synchronously inside, so a record is
 * written before the returned promise is created.
 */
export interface Store {
  readonly engine: StoreEngine;
  /** Where the data is, for messages: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** Adds a question; a question with the same id is kept as it was (imports are idempotent). */
  addQuestion(record: QuestionRecord): Promise<void>;
  /** Records a vote; a later vote by the same voter on the same answer replaces the earlier one. */
  addVote(record: VoteRecord): Promise<void>;
  /**
   * Reads questions asked in a period, oldest first, a page at a time (so a caller can yield between pages),
   * with the votes on each answer counted (one per voter, the last one counts).
   */
  readQuestions(query: QuestionQuery): AsyncIterable<LoggedQuestion[]>;
  /**
   * Marks a Slack event id as handled. Atomic across processes and replicas (insert-if-absent):
   * true for exactly one caller per id.
   * @param at when it arrived (ms since the epoch)
   */
  claimEvent(eventId: string, at: number): Promise<boolean>;
  /** Deletes what is older than the cutoffs, in small batches (a `DELETE`, never a rewrite of the file). */
  prune(cutoffs: PruneCutoffs): Promise<StorePruneResult>;
  /**
   * The secret salt for user hashes, shared by every process using the store: `proposed` is stored when
   * none is yet, else the stored one is returned (so every replica hashes a user the same way).
   */
  userSalt(proposed: string): Promise<string>;
  /** Adds questions, votes and event ids from an older format in one transaction; what is already there is skipped. */
  importRecords(records: { questions: QuestionRecord[]; votes: VoteRecord[]; events: Array<[string, number]> }): Promise<ImportResult>;
  /** The conversation state kept in this store. */
  conversations(options?: ConversationStoreOptions, now?: () => number): ConversationStore;
  /** The schema version the database is at. */
  schemaVersion(): Promise<number>;
  /** Closes the connection(s). Safe to call twice. */
  close(): Promise<void>;
}
