/**
 * The store in PostgreSQL (`DATABASE_URL`), shared by several replicas of the bot: every change is one
 * statement or a short transaction, event ids are claimed with an insert-if-absent, and schema migrations
 * and conversation appends are serialised with advisory locks.
 */
import { Pool, type PoolClient } from 'pg';
import { defaultConversationStoreOptions, type ConversationStore, type ConversationStoreOptions, type ConversationTurn } from '../conversation/store';
import { NetworkQaError, describeError } from '../errors';
import { silentLogger } from '../log';
import type { LoggedQuestion, QuestionRecord } from '../questions/records';
import type { Logger } from '../types';
import { DEFAULT_MAX_QUESTION_CHARS, DEFAULT_PAGE_SIZE, PRUNE_BATCH, PRUNE_SQL, QUESTION_PAGE_SQL, SALT_KEY, parseTurn, timeMs, toLoggedQuestion, type QuestionRow } from './rows';
import { LATEST_SCHEMA_VERSION, pendingMigrations, tooNewMessage } from './schema';
import type { ImportResult, PruneCutoffs, QuestionQuery, Store, StorePruneResult, VoteRecord } from './store';
import { redactDatabaseUrl } from './url';

/** Advisory lock key taken while migrating (any fixed number; "nqa" in ASCII). */
const MIGRATION_LOCK = 0x6e7161;

/** Options for {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://USER:PASSWORD@HOST:PORT/DATABASE`. */
  url: string;
  /** Where lost connections are reported. @defaultValue silentLogger */
  logger?: Logger;
  /**
   * Connections kept open. A replica's work is short statements, so a few suffice; PostgreSQL's default
   * limit of 100 connections is then shared by many replicas. @defaultValue 5
   */
  poolSize?: number;
  /** How long to wait for a connection (ms). @defaultValue 10 000 */
  connectTimeoutMs?: number;
}

/** `?` placeholders → `$1`, `$2`, … (the shared SQL is written for SQLite). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Connects to PostgreSQL and brings the schema up to date.
 * @throws NetworkQaError `store_failed` naming the server (never the password) when it cannot
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const location = redactDatabaseUrl(options.url);
  const logger = options.logger ?? silentLogger;
  const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 5, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
  // An idle connection dropped by the server must not crash the process; the pool opens a new one when needed.
  pool.on('error', (error) => logger.warn({ code: 'store_connection_lost', store: location, error: describeError(error) }, 'Lost a connection to PostgreSQL'));
  try {
    await transaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)');
      const version = await currentVersion(client);
      if (version > LATEST_SCHEMA_VERSION) throw new NetworkQaError('store_failed', tooNewMessage(location, version));
      for (const migration of pendingMigrations(version)) {
        for (const statement of migration.sql.postgres) await client.query(statement);
        await client.query('INSERT INTO schema_migrations (version, applied_ms) VALUES ($1, $2)', [migration.version, Date.now()]);
      }
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof NetworkQaError) throw error;
    throw new NetworkQaError('store_failed', `Cannot open the store ${location}: ${describeError(error).split(options.url).join(location)}`, { cause: error });
  }
  return new PostgresStore(pool, location);
}

async function currentVersion(client: PoolClient | Pool): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const INSERT_QUESTION = `INSERT INTO questions (id, time_ms, platform, status, confidence, sources, latency_ms, question, user_hash)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`;
const UPSERT_VOTE = `INSERT INTO votes (answer_id, voter, vote, time_ms, platform, user_hash) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (answer_id, voter) DO UPDATE SET vote = excluded.vote, time_ms = excluded.time_ms WHERE excluded.time_ms > votes.time_ms OR (excluded.time_ms = votes.time_ms AND excluded.vote <> votes.vote)`;
const INSERT_EVENT = 'INSERT INTO slack_events (event_id, seen_ms) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING';

function questionValues(r: QuestionRecord): unknown[] {
  return [r.id, timeMs(r.time), r.platform, r.status, r.confidence, JSON.stringify(r.sources), r.latencyMs, r.question, r.user];
}

function voteValues(r: VoteRecord): unknown[] {
  return [r.id, r.voter, r.vote, timeMs(r.time), r.platform, r.user];
}

class PostgresStore implements Store {
  readonly engine = 'postgres' as const;
  private closed: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    readonly location: string,
  ) {}

  async addQuestion(record: QuestionRecord): Promise<void> {
    await this.pool.query(INSERT_QUESTION, questionValues(record));
  }

  async addVote(record: VoteRecord): Promise<void> {
    await this.pool.query(UPSERT_VOTE, voteValues(record));
  }

  async *readQuestions(query: QuestionQuery): AsyncIterable<LoggedQuestion[]> {
    const max = query.maxQuestionChars ?? DEFAULT_MAX_QUESTION_CHARS;
    const size = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const from = query.from.getTime();
    const to = query.to?.getTime() ?? Number.MAX_SAFE_INTEGER;
    const first = await this.pool.query<{ seq: string | null }>('SELECT MIN(seq) AS seq FROM questions WHERE time_ms >= $1', [from]);
    if (first.rows[0]?.seq == null) return;
    let after = Number(first.rows[0].seq) - 1;
    const sql = numbered(QUESTION_PAGE_SQL);
    for (;;) {
      const { rows } = await this.pool.query<QuestionRow>(sql, [max, from, to, after, size]);
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map(toLoggedQuestion);
      if (rows.length < size) return;
    }
  }

  async claimEvent(eventId: string, at: number): Promise<boolean> {
    const result = await this.pool.query(INSERT_EVENT, [eventId, at]);
    return result.rowCount === 1;
  }

  async prune(cutoffs: PruneCutoffs): Promise<StorePruneResult> {
    const questionsBefore = cutoffs.questionsBefore.getTime();
    return {
      questions: await this.deleteInBatches(PRUNE_SQL.questions, questionsBefore),
      votes: await this.deleteInBatches(PRUNE_SQL.votes, questionsBefore),
      events: await this.deleteInBatches(PRUNE_SQL.events, cutoffs.eventsBefore.getTime()),
      conversationTurns: await this.deleteInBatches(PRUNE_SQL.conversationTurns, cutoffs.conversationsBefore.getTime()),
    };
  }

  private async deleteInBatches(sql: string, before: number): Promise<number> {
    const statement = numbered(sql);
    let total = 0;
    for (;;) {
      const changes = (await this.pool.query(statement, [before, PRUNE_BATCH])).rowCount ?? 0;
      total += changes;
      if (changes < PRUNE_BATCH) return total;
    }
  }

  async userSalt(proposed: string): Promise<string> {
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [SALT_KEY, proposed]);
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [SALT_KEY]);
    return rows[0]!.value;
  }

  async importRecords(records: { questions: QuestionRecord[]; votes: VoteRecord[]; events: Array<[string, number]> }): Promise<ImportResult> {
    return transaction(this.pool, async (client) => {
      const result: ImportResult = { questions: 0, votes: 0, events: 0 };
      for (const q of records.questions) result.questions += (await client.query(INSERT_QUESTION, questionValues(q))).rowCount ?? 0;
      for (const v of records.votes) result.votes += (await client.query(UPSERT_VOTE, voteValues(v))).rowCount ?? 0;
      for (const [id, at] of records.events) result.events += (await client.query(INSERT_EVENT, [id, at])).rowCount ?? 0;
      return result;
    });
  }

  conversations(options: ConversationStoreOptions = {}, now: () => number = Date.now): ConversationStore {
    const settings = { ...defaultConversationStoreOptions, ...options };
    const pool = this.pool;
    type Row = { seq: string; at_ms: string; turn: string };
    const NEWEST = 'SELECT seq, at_ms, turn FROM conversation_turns WHERE conversation_id = $1 ORDER BY seq DESC LIMIT $2';
    const live = async (db: Pool | PoolClient, id: string, limit: number): Promise<Row[]> => {
      const { rows } = await db.query<Row>(NEWEST, [id, limit]);
      return rows.length > 0 && now() - Number(rows[0]!.at_ms) <= settings.expiryMs ? rows : [];
    };
    // One conversation's turns change one writer at a time, whichever replica the message reached.
    const locked = <T>(id: string, work: (client: PoolClient) => Promise<T>) =>
      transaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`conversation:${id}`]);
        return work(client);
      });
    return {
      async recent(conversationId, limit) {
        if (limit <= 0) return [];
        return (await live(pool, conversationId, limit))
          .reverse()
          .map((r) => parseTurn(r.turn))
          .filter((t): t is ConversationTurn => t !== undefined);
      },
      async append(conversationId, turn) {
        await locked(conversationId, async (client) => {
          if ((await live(client, conversationId, 1)).length === 0) await client.query('DELETE FROM conversation_turns WHERE conversation_id = $1', [conversationId]);
          await client.query('INSERT INTO conversation_turns (conversation_id, at_ms, turn) VALUES ($1, $2, $3)', [conversationId, turn.at, JSON.stringify(turn)]);
          const { rows } = await client.query<Row>(NEWEST, [conversationId, settings.turnsPerConversation]);
          if (rows.length === settings.turnsPerConversation) {
            await client.query('DELETE FROM conversation_turns WHERE conversation_id = $1 AND seq < $2', [conversationId, rows[rows.length - 1]!.seq]);
          }
        });
      },
      async updateLast(conversationId, turn) {
        await locked(conversationId, async (client) => {
          const [last] = await live(client, conversationId, 1);
          if (last) await client.query('UPDATE conversation_turns SET at_ms = $1, turn = $2 WHERE seq = $3', [turn.at, JSON.stringify(turn), last.seq]);
        });
      },
      async close() {},
    };
  }

  async schemaVersion(): Promise<number> {
    return currentVersion(this.pool);
  }

  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}
