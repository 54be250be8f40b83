import dotenv from 'dotenv';

/**
 * Loads `.env` into the environment without printing anything (dotenv 17+ prints a banner unless
 * quiet; `natural`'s storage modules would load dotenv again and print to stdout).
 */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): void {
  env.DOTENV_CONFIG_QUIET ??= 'true';
  if (env === process.env) dotenv.config({ quiet: true });
}
