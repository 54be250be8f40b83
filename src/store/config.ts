/** Reading the store's setting from environment variables (start-up code only). */
import { ConfigError } from '../errors';
import { databaseUrlProblem } from './url';

/**
 * Validates `DATABASE_URL`: empty means SQLite in `DATA_DIR`; otherwise it must be a `postgres://` URL
 * naming a host and a database. The message of a bad one never shows its password.
 * @throws ConfigError naming `DATABASE_URL`
 */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.DATABASE_URL?.trim() ?? '';
  if (value === '') return undefined;
  const problem = databaseUrlProblem(value);
  if (problem) throw new ConfigError('DATABASE_URL', problem);
  return value;
}
