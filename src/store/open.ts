/** Opening the store the configuration names: PostgreSQL with `DATABASE_URL`, else SQLite in `DATA_DIR`. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { silentLogger } from '../log';
import type { Logger } from '../types';
import { importLegacyFiles, LEGACY_QUESTION_LOG, LEGACY_SLACK_EVENTS } from './migrate-jsonl';
import { openSqliteStore, SQLITE_FILE } from './sqlite';
import type { Store } from './store';

/** Options for {@link openStore}. */
export interface OpenStoreOptions {
  /** `DATA_DIR`: holds the SQLite file, and the files of earlier versions to import. */
  dataDir: string;
  /** `DATABASE_URL` (validated by the configuration): PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  logger?: Logger;
}

/**
 * Opens the store, brings its schema up to date, imports the files of earlier versions found in `dataDir`
 * (once; they are renamed), and settles the salt for user hashes (an earlier version's `DATA_DIR/salt`, so
 * imported and new records hash a user the same way; else a new random one).
 * @throws NetworkQaError `store_failed` when the database cannot be opened or migrated
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const logger = options.logger ?? silentLogger;
  const store = options.databaseUrl
    ? // Loaded only with DATABASE_URL: the pg client costs start-up time a SQLite bot does not need.
      await (await import('./postgres')).openPostgresStore({ url: options.databaseUrl, logger })
    : openSqliteStore({ file: path.join(options.dataDir, SQLITE_FILE) });
  try {
    await store.userSalt(readSaltFile(path.join(options.dataDir, 'salt')) ?? randomBytes(32).toString('hex'));
    await importLegacyFiles(store, options.dataDir, logger);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Whether `dataDir` holds anything a store would read (the SQLite file, or files of an earlier version). */
export function storeFilesExist(dataDir: string): boolean {
  return [SQLITE_FILE, LEGACY_QUESTION_LOG, LEGACY_SLACK_EVENTS].some((f) => fs.existsSync(path.join(dataDir, f)));
}

function readSaltFile(file: string): string | null {
  try {
    const salt = fs.readFileSync(file, 'utf8').trim();
    return salt.length >= 32 ? salt : null;
  } catch {
    return null;
  }
}
