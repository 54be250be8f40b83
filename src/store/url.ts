/** Reading and showing `DATABASE_URL` without ever showing its password. */

/** The URL schemes taken as PostgreSQL. */
export const POSTGRES_PROTOCOLS: ReadonlySet<string> = new Set(['postgres:', 'postgresql:']);

/**
 * The URL with its password (and any `password=` query parameter) replaced by `***`, for messages and logs.
 * @example redactDatabaseUrl('postgres://bot:s3cret@db:5432/qa') // 'postgres://bot:***@db:5432/qa'
 */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(an unreadable URL)';
  }
  if (parsed.password) parsed.password = '***';
  for (const key of [...parsed.searchParams.keys()]) {
    if (/pass|secret|key|token/i.test(key)) parsed.searchParams.set(key, '***');
  }
  return parsed.toString();
}

/**
 * Checks that `value` is a usable PostgreSQL URL.
 * @returns a problem to report (never containing the password), or null when it is fine
 */
export function databaseUrlProblem(value: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return 'is not a valid URL: expected postgres://USER:PASSWORD@HOST:PORT/DATABASE';
  }
  if (!POSTGRES_PROTOCOLS.has(parsed.protocol)) {
    return `must start with postgres:// or postgresql:// (got ${parsed.protocol}//…); leave it empty to use SQLite in DATA_DIR`;
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) return `names no host: ${redactDatabaseUrl(value)}`;
  if (parsed.pathname.replace(/^\//, '') === '') return `names no database (…/DATABASE at the end): ${redactDatabaseUrl(value)}`;
  return null;
}
