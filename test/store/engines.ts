/** Running the same store tests against SQLite and against a real PostgreSQL server. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { openPostgresStore } from '../../src/store/postgres';
import { openSqliteStore, SQLITE_FILE } from '../../src/store/sqlite';
import type { Store } from '../../src/store/store';

/** The admin URL of the test server (set by CI or by test/setup/postgres.js), or undefined. */
export const POSTGRES_URL = process.env.DATABASE_URL_TEST;

/** Why PostgreSQL tests skip here, for the test names. */
export const POSTGRES_SKIP = POSTGRES_URL ? '' : ` (SKIPPED: ${process.env.NETWORK_QA_PG_SKIP_REASON ?? 'DATABASE_URL_TEST is not set'})`;

/** One engine under test: opens stores on one shared database, so two of them act like two processes. */
export interface EngineUnderTest {
  name: 'sqlite' | 'postgres';
  /** Opens another connection to the same database. */
  open(): Promise<Store>;
  /** The data folder (SQLite file, legacy files). */
  dataDir: string;
  /** DATABASE_URL for this engine's database (PostgreSQL only). */
  databaseUrl?: string;
  /** Drops the database and removes the data folder. */
  dispose(): Promise<void>;
}

/** A fresh SQLite database in a temporary folder. */
export async function sqliteEngine(): Promise<EngineUnderTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'network-qa-store-'));
  return {
    name: 'sqlite',
    dataDir,
    open: async () => openSqliteStore({ file: path.join(dataDir, SQLITE_FILE) }),
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A fresh PostgreSQL database on the test server. */
export async function postgresEngine(): Promise<EngineUnderTest> {
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const name = `nqa_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'network-qa-store-'));
  return {
    name: 'postgres',
    dataDir,
    databaseUrl,
    open: () => openPostgresStore({ url: databaseUrl }),
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Describes the same tests for each engine. The PostgreSQL block is skipped, and its name says why, only
 * when no server is available.
 */
export function describeEachEngine(title: string, tests: (engine: () => EngineUnderTest) => void): void {
  const engines: Array<[string, () => Promise<EngineUnderTest>, boolean]> = [
    ['SQLite', sqliteEngine, true],
    [`PostgreSQL${POSTGRES_SKIP}`, postgresEngine, Boolean(POSTGRES_URL)],
  ];
  for (const [name, make, available] of engines) {
    (available ? describe : describe.skip)(`${title} (${name})`, () => {
      let current: EngineUnderTest;
      beforeEach(async () => {
        current = await make();
      });
      afterEach(async () => {
        await current.dispose();
      });
      tests(() => current);
    });
  }
}

/** Records a schema version in the engine's database, as a newer version of the bot would. */
export async function markSchemaVersion(engine: EngineUnderTest, version: number): Promise<void> {
  if (engine.name === 'sqlite') {
    const db = new Database(path.join(engine.dataDir, SQLITE_FILE));
    db.prepare('INSERT INTO schema_migrations (version, applied_ms) VALUES (?, ?)').run(version, Date.now());
    db.close();
    return;
  }
  const client = new Client({ connectionString: engine.databaseUrl });
  await client.connect();
  await client.query('INSERT INTO schema_migrations (version, applied_ms) VALUES ($1, $2)', [version, Date.now()]);
  await client.end();
}
