import { readSlackConfig } from '../../../adapters/slack/config';
import { ConfigError } from '../../../src/errors';

const BOT = 'xoxb-1234-5678-abcdefghijkl';
const APP = 'xapp-1-A0001-9999-abcdefghijkl';

function error(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readSlackConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('readSlackConfig', () => {
  it('returns null when SLACK_BOT_TOKEN is not set or blank', () => {
    expect(readSlackConfig({})).toBeNull();
    expect(readSlackConfig({ SLACK_BOT_TOKEN: '  ', SLACK_APP_TOKEN: APP })).toBeNull();
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toEqual({ mode: 'socket', botToken: BOT, appToken: APP, apiUrl: undefined, maintainers: [] });
  });

  it('chooses HTTP mode on PORT (default 3000) with the signing secret otherwise', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'abc123' })).toMatchObject({ mode: 'http', signingSecret: 'abc123', port: 3000 });
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'abc123', PORT: '8080' })).toMatchObject({ port: 8080 });
  });

  it('requires SLACK_SIGNING_SECRET in HTTP mode, naming the variable', () => {
    const e = error({ SLACK_BOT_TOKEN: BOT });
    expect(e.variable).toBe('SLACK_SIGNING_SECRET');
    expect(e.code).toBe('config_missing');
    expect(e.message).toMatch(/^SLACK_SIGNING_SECRET is not set/);
  });

  it.each([
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xapp-1-A0001-9999-abcdefghijkl', SLACK_APP_TOKEN: APP }],
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxb-short', SLACK_APP_TOKEN: APP }],
    ['SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }],
    ['PORT', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT: 'eighty' }],
    ['PORT', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT: '70000' }],
    ['PORT', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT: '30.5' }],
    ['SLACK_API_URL', { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'not a url' }],
    ['SLACK_API_URL', { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'ftp://example.org/api/' }],
    ['SLACK_MAINTAINERS', { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_MAINTAINERS: 'U012ABC,@alice' }],
  ])('rejects a malformed %s with a message naming it', (variable, env) => {
    const e = error(env);
    expect(e.variable).toBe(variable);
    expect(e.code).toBe('config_invalid');
    expect(e.message.startsWith(variable)).toBe(true);
  });

  it('never repeats a token in its error message', () => {
    const e = error({ SLACK_BOT_TOKEN: 'xoxp-1234-5678-supersecretvalue', SLACK_APP_TOKEN: APP });
    expect(e.message).not.toContain('supersecretvalue');
  });

  it('reads SLACK_API_URL with a trailing slash and SLACK_MAINTAINERS as a list of ids', () => {
    const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'http://127.0.0.1:9999/api', SLACK_MAINTAINERS: ' U012ABC , W0ABCDEF,,U012ABC' });
    expect(config?.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config?.maintainers).toEqual(['U012ABC', 'W0ABCDEF']);
  });
});
