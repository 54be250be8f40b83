/** The bot's shared state (question log, Slack event ids, conversation turns) in SQLite or PostgreSQL. */
export type { Store, StoreEngine, QuestionQuery, VoteRecord, PruneCutoffs, StorePruneResult, ImportResult } from './store';
export { openStore, storeFilesExist } from './open';
export type { OpenStoreOptions } from './open';
export { openSqliteStore, SQLITE_FILE } from './sqlite';
export { importLegacyFiles, parseSlackEvents, LEGACY_QUESTION_LOG, LEGACY_SLACK_EVENTS, IMPORTED_SUFFIX } from './migrate-jsonl';
export { redactDatabaseUrl, databaseUrlProblem } from './url';
export { storeCutoffs, SLACK_EVENT_RETENTION_MS } from './retention';
export { databaseUrlFromEnv } from './config';
