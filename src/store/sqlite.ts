/**
 * The store in one SQLite file (`DATA_DIR/network-qa.db`), shared safely by several processes on one host:
 * WAL mode (readers never wait for the writer), a busy timeout (a writer waits for another's short
 * transaction instead of failing), and every change a single statement or a short transaction.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { defaultConversationStoreOptions, type ConversationStore, type ConversationStoreOptions, type ConversationTurn } from '../conversation/store';
import { NetworkQaError, describeError } from '../errors';
import type { LoggedQuestion, QuestionRecord } from '../questions/records';
import { DEFAULT_MAX_QUESTION_CHARS, DEFAULT_PAGE_SIZE, PRUNE_BATCH, PRUNE_SQL, QUESTION_PAGE_SQL, SALT_KEY, parseTurn, timeMs, toLoggedQuestion, type QuestionRow } from './rows';
import { LATEST_SCHEMA_VERSION, pendingMigrations, tooNewMessage } from './schema';
import type { ImportResult, PruneCutoffs, QuestionQuery, Store, StorePruneResult, VoteRecord } from './store';

/** The database file in the data folder. */
export const SQLITE_FILE = 'network-qa.db';

/**
 * How long a writer waits for another process's transaction before giving up (ms). Transactions here last
 * milliseconds (one insert, or one batch of {@link PRUNE_BATCH} deletes), so 5 s only runs out when something is stuck.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file, usually `DATA_DIR/network-qa.db`. */
  file: string;
  /** Open read-only: no migration, no writes (fails when the file does not exist). @defaultValue false */
  readOnly?: boolean;
}

/**
 * Opens (creating when needed) the SQLite store and brings its schema up to date.
 * @throws NetworkQaError `store_failed` naming the file when it cannot be opened or migrated
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const { file, readOnly = false } = options;
  let db: Database.Database;
  try {
    if (!readOnly) fs.mkdirSync(path.dirname(file), { recursive: true });
    const existed = fs.existsSync(file);
    db = new Database(file, { readonly: readOnly, fileMustExist: readOnly, timeout: SQLITE_BUSY_TIMEOUT_MS });
    if (!existed && !readOnly) fs.chmodSync(file, 0o600);
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!readOnly) {
      db.pragma('journal_mode = WAL');
      // In WAL mode, NORMAL loses nothing when a process dies (only, at worst, the last commits on a power cut).
      db.pragma('synchronous = NORMAL');
      migrate(db, file);
    } else {
      const version = currentVersion(db);
      if (version > LATEST_SCHEMA_VERSION) throw new Error(tooNewMessage(file, version));
    }
  } catch (error) {
    if (error instanceof NetworkQaError) throw error;
    throw new NetworkQaError('store_failed', `Cannot open the store ${file}: ${describeError(error)}`, { cause: error });
  }
  return new SqliteStore(db, file);
}

function currentVersion(db: Database.Database): number {
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

function migrate(db: Database.Database, file: string): void {
  // IMMEDIATE takes the write lock first: a second process starting at the same moment waits, then sees the new version.
  const run = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_ms INTEGER NOT NULL)');
    const version = currentVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new NetworkQaError('store_failed', tooNewMessage(file, version));
    for (const migration of pendingMigrations(version)) {
      for (const statement of migration.sql.sqlite) db.exec(statement);
      db.prepare('INSERT INTO schema_migrations (version, applied_ms) VALUES (?, ?)').run(migration.version, Date.now());
    }
  });
  run.immediate();
}

class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  private closed = false;
  private readonly insertQuestion: Database.Statement;
  private readonly upsertVote: Database.Statement;
  private readonly insertEvent: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {
    const readOnly = db.readonly;
    this.insertQuestion = readOnly
      ? (undefined as never)
      : db.prepare(
          `INSERT INTO questions (id, time_ms, platform, status, confidence, sources, latency_ms, question, user_hash)
           VALUES (@id, @time_ms, @platform, @status, @confidence, @sources, @latency_ms, @question, @user_hash)
           ON CONFLICT (id) DO NOTHING`,
        );
    this.upsertVote = readOnly
      ? (undefined as never)
      : db.prepare(
          `INSERT INTO votes (answer_id, voter, vote, time_ms, platform, user_hash) VALUES (@answer_id, @voter, @vote, @time_ms, @platform, @user_hash)
           ON CONFLICT (answer_id, voter) DO UPDATE SET vote = excluded.vote, time_ms = excluded.time_ms
           WHERE excluded.time_ms > votes.time_ms OR (excluded.time_ms = votes.time_ms AND excluded.vote <> votes.vote)`,
        );
    this.insertEvent = readOnly ? (undefined as never) : db.prepare('INSERT INTO slack_events (event_id, seen_ms) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING');
  }

  async addQuestion(record: QuestionRecord): Promise<void> {
    this.insertQuestion.run(questionParams(record));
  }

  async addVote(record: VoteRecord): Promise<void> {
    this.upsertVote.run(voteParams(record));
  }

  async *readQuestions(query: QuestionQuery): AsyncIterable<LoggedQuestion[]> {
    const page = this.db.prepare(QUESTION_PAGE_SQL);
    const max = query.maxQuestionChars ?? DEFAULT_MAX_QUESTION_CHARS;
    const size = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const from = query.from.getTime();
    const to = query.to?.getTime() ?? Number.MAX_SAFE_INTEGER;
    // Start at the first question of the period (the time index finds it) rather than scanning from the oldest.
    const first = this.db.prepare('SELECT MIN(seq) AS seq FROM questions WHERE time_ms >= ?').get(from) as { seq: number | null };
    if (first.seq === null) return;
    let after = first.seq - 1;
    for (;;) {
      const rows = page.all(max, from, to, after, size) as QuestionRow[];
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map(toLoggedQuestion);
      if (rows.length < size) return;
    }
  }

  async claimEvent(eventId: string, at: number): Promise<boolean> {
    return this.insertEvent.run(eventId, at).changes === 1;
  }

  async prune(cutoffs: PruneCutoffs): Promise<StorePruneResult> {
    const questionsBefore = cutoffs.questionsBefore.getTime();
    return {
      questions: this.deleteInBatches(PRUNE_SQL.questions, questionsBefore),
      votes: this.deleteInBatches(PRUNE_SQL.votes, questionsBefore),
      events: this.deleteInBatches(PRUNE_SQL.events, cutoffs.eventsBefore.getTime()),
      conversationTurns: this.deleteInBatches(PRUNE_SQL.conversationTurns, cutoffs.conversationsBefore.getTime()),
    };
  }

  private deleteInBatches(sql: string, before: number): number {
    const statement = this.db.prepare(sql);
    let total = 0;
    for (;;) {
      const { changes } = statement.run(before, PRUNE_BATCH);
      total += changes;
      if (changes < PRUNE_BATCH) return total;
    }
  }

  async userSalt(proposed: string): Promise<string> {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(SALT_KEY, proposed);
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(SALT_KEY) as { value: string }).value;
  }

  async importRecords(records: { questions: QuestionRecord[]; votes: VoteRecord[]; events: Array<[string, number]> }): Promise<ImportResult> {
    const run = this.db.transaction(() => {
      const result: ImportResult = { questions: 0, votes: 0, events: 0 };
      for (const q of records.questions) result.questions += this.insertQuestion.run(questionParams(q)).changes;
      for (const v of records.votes) result.votes += this.upsertVote.run(voteParams(v)).changes;
      for (const [id, at] of records.events) result.events += this.insertEvent.run(id, at).changes;
      return result;
    });
    return run.immediate();
  }

  conversations(options: ConversationStoreOptions = {}, now: () => number = Date.now): ConversationStore {
    const settings = { ...defaultConversationStoreOptions, ...options };
    const db = this.db;
    const newest = db.prepare('SELECT seq, at_ms, turn FROM conversation_turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?');
    const forget = db.prepare('DELETE FROM conversation_turns WHERE conversation_id = ?');
    const insert = db.prepare('INSERT INTO conversation_turns (conversation_id, at_ms, turn) VALUES (?, ?, ?)');
    const trim = db.prepare('DELETE FROM conversation_turns WHERE conversation_id = ? AND seq <= ?');
    const update = db.prepare('UPDATE conversation_turns SET at_ms = ?, turn = ? WHERE seq = ?');
    type Row = { seq: number; at_ms: number; turn: string };
    const live = (id: string, limit: number): Row[] => {
      const rows = newest.all(id, limit) as Row[];
      return rows.length > 0 && now() - rows[0]!.at_ms <= settings.expiryMs ? rows : [];
    };
    const append = db.transaction((id: string, turn: ConversationTurn) => {
      if (live(id, 1).length === 0) forget.run(id);
      insert.run(id, turn.at, JSON.stringify(turn));
      const kept = newest.all(id, settings.turnsPerConversation) as Row[];
      if (kept.length === settings.turnsPerConversation) trim.run(id, kept[kept.length - 1]!.seq - 1);
    });
    const updateLast = db.transaction((id: string, turn: ConversationTurn) => {
      const [last] = live(id, 1);
      if (last) update.run(turn.at, JSON.stringify(turn), last.seq);
    });
    return {
      async recent(conversationId, limit) {
        if (limit <= 0) return [];
        return live(conversationId, limit)
          .reverse()
          .map((r) => parseTurn(r.turn))
          .filter((t): t is ConversationTurn => t !== undefined);
      },
      async append(conversationId, turn) {
        append.immediate(conversationId, turn);
      },
      async updateLast(conversationId, turn) {
        updateLast.immediate(conversationId, turn);
      },
      async close() {},
    };
  }

  async schemaVersion(): Promise<number> {
    return currentVersion(this.db);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function questionParams(record: QuestionRecord) {
  return {
    id: record.id,
    time_ms: timeMs(record.time),
    platform: record.platform,
    status: record.status,
    confidence: record.confidence,
    sources: JSON.stringify(record.sources),
    latency_ms: record.latencyMs,
    question: record.question,
    user_hash: record.user,
  };
}

function voteParams(record: VoteRecord) {
  return { answer_id: record.id, voter: record.voter, vote: record.vote, time_ms: timeMs(record.time), platform: record.platform, user_hash: record.user };
}
