/**
 * Issue 12, finding 6: a token pasted into SLACK_API_URL, DISCORD_API_URL, PORT, SLACK_MAINTAINERS or LOG_LEVEL was
 * echoed in full in the configuration error. Every configuration error now names the variable and redacts anything
 * that looks like a token.
 */
import { readDiscordConfig } from '../../adapters/discord/config';
import { readSlackConfig } from '../../adapters/slack/config';
import { readCoreConfig } from '../../src/config';
import { redactTokens } from '../../src/text/redact';

const TOKENS = {
  slackBot: 'xoxb-2222222222-3333333333333-AbCdEfGhIjKlMnOpQrStUvWx',
  slackUser: 'xoxp-2222222222-3333333333333-4444444444444-abcdef0123456789abcdef0123456789',
  slackApp: 'xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789abcdef0123456789',
  discord: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab',
  secret: '8f14e45fceea167a5a36dedd4bea2543',
};

const SLACK_BASE = { SLACK_BOT_TOKEN: 'xoxb-1111-2222-realbottoken', SLACK_APP_TOKEN: 'xapp-1-A0000001-3333-realapptoken' };
const DISCORD_BASE = { DISCORD_TOKEN: 'discord-token-abcdefghijklmnop', DISCORD_CLIENT_ID: '123456789012345678' };

function errorOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

const cases: [string, (value: string) => unknown][] = [
  ['SLACK_API_URL', (v) => readSlackConfig({ ...SLACK_BASE, SLACK_API_URL: v })],
  ['SLACK_MAINTAINERS', (v) => readSlackConfig({ ...SLACK_BASE, SLACK_MAINTAINERS: `U012ABCDEF,${v}` })],
  ['PORT', (v) => readSlackConfig({ SLACK_BOT_TOKEN: SLACK_BASE.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: 'abc', PORT: v })],
  ['DISCORD_API_URL', (v) => readDiscordConfig({ ...DISCORD_BASE, DISCORD_API_URL: v })],
  ['DISCORD_GUILD_ID', (v) => readDiscordConfig({ ...DISCORD_BASE, DISCORD_GUILD_ID: v })],
  ['LOG_LEVEL', (v) => readCoreConfig({ LOG_LEVEL: v })],
  ['WATCH_KNOWLEDGE', (v) => readCoreConfig({ WATCH_KNOWLEDGE: v })],
  ['LOG_RETENTION_DAYS', (v) => readCoreConfig({ LOG_RETENTION_DAYS: v })],
];

describe('configuration errors', () => {
  describe.each(cases)('%s set to a token', (variable, read) => {
    it.each(Object.entries(TOKENS))('names the variable and never repeats a %s token', (_kind, token) => {
      const message = errorOf(() => read(token));
      expect(message.startsWith(`${variable} `)).toBe(true);
      expect(message).not.toContain(token);
      // Not even a telling piece of it.
      expect(message).not.toContain(token.slice(-16));
    });
  });

  it('keeps an ordinary wrong value readable', () => {
    expect(errorOf(() => readCoreConfig({ LOG_LEVEL: 'verbose' }))).toBe("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'");
    expect(errorOf(() => readSlackConfig({ ...SLACK_BASE, SLACK_API_URL: 'ftp://example.org/api/' }))).toContain('"ftp://example.org/api/"');
  });
});

describe('redactTokens', () => {
  it('removes a password from a URL and keeps paths readable', () => {
    expect(redactTokens('https://bot:hunter2@proxy.example.org/api')).toBe('https://[redacted]@proxy.example.org/api');
    expect(redactTokens('/srv/network-qa/data/questions.jsonl')).toBe('/srv/network-qa/data/questions.jsonl');
  });
});
