/**
 * The store's schema, as numbered migrations applied in order. A database records the versions it has in
 * `schema_migrations`; a migration runs once, in a transaction, under a lock, so two processes starting at
 * once apply it once. Never edit a released migration: add the next one.
 */
import type { StoreEngine } from './store';

/** One step of the schema. */
export interface Migration {
  version: number;
  description: string;
  /** Statements for each engine, run in order inside one transaction. */
  sql: Record<StoreEngine, string[]>;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'question log, votes, Slack event ids, conversation turns, settings',
    sql: {
      sqlite: [
        `CREATE TABLE questions (
           seq INTEGER PRIMARY KEY AUTOINCREMENT,
           id TEXT NOT NULL UNIQUE,
           time_ms INTEGER NOT NULL,
           platform TEXT,
           status TEXT NOT NULL,
           confidence REAL NOT NULL,
           sources TEXT NOT NULL,
           latency_ms REAL NOT NULL,
           question TEXT NOT NULL,
           user_hash TEXT
         )`,
        'CREATE INDEX questions_time ON questions (time_ms)',
        `CREATE TABLE votes (
           answer_id TEXT NOT NULL,
           voter TEXT NOT NULL,
           vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
           time_ms INTEGER NOT NULL,
           platform TEXT,
           user_hash TEXT,
           PRIMARY KEY (answer_id, voter)
         )`,
        'CREATE INDEX votes_time ON votes (time_ms)',
        'CREATE TABLE slack_events (event_id TEXT PRIMARY KEY, seen_ms INTEGER NOT NULL)',
        'CREATE INDEX slack_events_seen ON slack_events (seen_ms)',
        `CREATE TABLE conversation_turns (
           seq INTEGER PRIMARY KEY AUTOINCREMENT,
           conversation_id TEXT NOT NULL,
           at_ms INTEGER NOT NULL,
           turn TEXT NOT NULL
         )`,
        'CREATE INDEX conversation_turns_id ON conversation_turns (conversation_id, seq)',
        'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
      ],
      postgres: [
        `CREATE TABLE questions (
           seq BIGSERIAL PRIMARY KEY,
           id TEXT NOT NULL UNIQUE,
           time_ms BIGINT NOT NULL,
           platform TEXT,
           status TEXT NOT NULL,
           confidence DOUBLE PRECISION NOT NULL,
           sources TEXT NOT NULL,
           latency_ms DOUBLE PRECISION NOT NULL,
           question TEXT NOT NULL,
           user_hash TEXT
         )`,
        'CREATE INDEX questions_time ON questions (time_ms)',
        `CREATE TABLE votes (
           answer_id TEXT NOT NULL,
           voter TEXT NOT NULL,
           vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
           time_ms BIGINT NOT NULL,
           platform TEXT,
           user_hash TEXT,
           PRIMARY KEY (answer_id, voter)
         )`,
        'CREATE INDEX votes_time ON votes (time_ms)',
        'CREATE TABLE slack_events (event_id TEXT PRIMARY KEY, seen_ms BIGINT NOT NULL)',
        'CREATE INDEX slack_events_seen ON slack_events (seen_ms)',
        `CREATE TABLE conversation_turns (
           seq BIGSERIAL PRIMARY KEY,
           conversation_id TEXT NOT NULL,
           at_ms BIGINT NOT NULL,
           turn TEXT NOT NULL
         )`,
        'CREATE INDEX conversation_turns_id ON conversation_turns (conversation_id, seq)',
        'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
      ],
    },
  },
];

/** The newest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The migrations a database at `current` still needs, oldest first. */
export function pendingMigrations(current: number): Migration[] {
  return MIGRATIONS.filter((m) => m.version > current);
}

/** The message for a database written by a newer version of the bot. */
export function tooNewMessage(location: string, version: number): string {
  return `The store ${location} has schema version ${version}, newer than this version of network-qa knows (${LATEST_SCHEMA_VERSION}): upgrade network-qa, or point it at another database`;
}
