import { resolve } from 'node:path';
import { ConfigError } from './errors';
import { questionLogSettingsFromEnv } from './questions/config';
import { databaseUrlFromEnv } from './store/config';

/** The core's settings, read once at start-up from environment variables. */
export interface CoreConfig {
  knowledgeDir: string;
  dataDir: string;
  /** `DATABASE_URL`: the store in PostgreSQL; undefined keeps it in SQLite in `dataDir`. */
  databaseUrl?: string;
  contact?: string;
  logLevel: string;
  logQuestions: boolean;
  logRetentionDays: number;
  watch: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Validates `KNOWLEDGE_DIR`, `DATA_DIR`, `DATABASE_URL`, `CONTACT`, `LOG_LEVEL`, `LOG_QUESTIONS`, `LOG_RETENTION_DAYS`, `WATCH_KNOWLEDGE`.
 * @throws ConfigError naming the variable when one is malformed
 */
export function readCoreConfig(env: NodeJS.ProcessEnv, root: string = process.cwd()): CoreConfig {
  const log = questionLogSettingsFromEnv(env);
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`);
  const watchFlag = env.WATCH_KNOWLEDGE?.trim().toLowerCase() || 'on';
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(watchFlag)) throw new ConfigError('WATCH_KNOWLEDGE', `must be 'on' or 'off', got '${env.WATCH_KNOWLEDGE}'`);
  const contact = env.CONTACT?.trim();
  const databaseUrl = databaseUrlFromEnv(env);
  return {
    knowledgeDir: resolve(root, env.KNOWLEDGE_DIR?.trim() || 'knowledge'),
    dataDir: resolve(root, log.dataDir),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(contact ? { contact } : {}),
    logLevel,
    logQuestions: log.enabled,
    logRetentionDays: log.retentionDays,
    watch: ['on', 'true', '1'].includes(watchFlag),
  };
}
