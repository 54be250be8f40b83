import { readCoreConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';
import { databaseUrlFromEnv } from '../../src/store/config';
import { openPostgresStore } from '../../src/store/postgres';
import { redactDatabaseUrl } from '../../src/store/url';

describe('DATABASE_URL', () => {
  it('is optional: empty keeps the store in SQLite', () => {
    expect(databaseUrlFromEnv({})).toBeUndefined();
    expect(databaseUrlFromEnv({ DATABASE_URL: '  ' })).toBeUndefined();
    expect(readCoreConfig({}, '/srv').databaseUrl).toBeUndefined();
  });

  it('accepts postgres:// and postgresql:// URLs naming a host and a database', () => {
    expect(readCoreConfig({ DATABASE_URL: 'postgres://bot:pw@db.internal:5432/qa' }, '/srv').databaseUrl).toBe('postgres://bot:pw@db.internal:5432/qa');
    expect(databaseUrlFromEnv({ DATABASE_URL: 'postgresql://db/qa?sslmode=require' })).toBe('postgresql://db/qa?sslmode=require');
  });

  it.each([
    ['mysql://bot:hunter2@db/qa', 'DATABASE_URL must start with postgres:// or postgresql:// (got mysql://…); leave it empty to use SQLite in DATA_DIR'],
    ['hunter2', 'DATABASE_URL is not a valid URL: expected postgres://[redacted]@HOST:PORT/DATABASE'],
    ['postgres://bot:hunter2@db.internal:5432', // Configuration errors redact anything that looks like credentials (issue 12), the placeholder too.
    'DATABASE_URL names no database (…/DATABASE at the end): postgres://[redacted]@db.internal:5432'],
    ['postgres:///qa', 'DATABASE_URL names no host: postgres:///qa'],
  ])('refuses %j with a message that names the variable and never shows the password', (value, message) => {
    let error: unknown;
    try {
      readCoreConfig({ DATABASE_URL: value }, '/srv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('redacts the password and secret query parameters of a URL shown in a message', () => {
    expect(redactDatabaseUrl('postgres://bot:s3cret@db:5432/qa?sslpassword=x&application_name=nqa')).toBe('postgres://bot:***@db:5432/qa?sslpassword=***&application_name=nqa');
    expect(redactDatabaseUrl('not a url')).toBe('(an unreadable URL)');
  });

  it('names the server but not the password when PostgreSQL cannot be reached', async () => {
    await expect(openPostgresStore({ url: 'postgres://bot:hunter2@127.0.0.1:1/qa', connectTimeoutMs: 2000 })).rejects.toThrow(
      /^Cannot open the store postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/qa: .*ECONNREFUSED/,
    );
  });
});
