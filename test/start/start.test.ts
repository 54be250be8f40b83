/**
 * `npm start` as a real process (adapters/start.ts run by node through the TypeScript loader the other
 * process tests use): the terminal chat without tokens, start-up refused for a malformed variable, and
 * Slack (Socket Mode) and Discord together against the fake servers on 127.0.0.1, stopped by SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store';
import { BUNDLED_KNOWLEDGE, makeTempDir, removeDir } from '../core/helpers';
import { FakeDiscord } from '../fakes/discord/server';
import { appMention, eventEnvelope } from '../fakes/slack/payloads';
import { FakeSocketMode } from '../fakes/slack/socket-mode';
import { FakeSlackWebApi } from '../fakes/slack/web-api';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'test', 'fixtures', 'questions', 'ts-register.js');
const START = join(ROOT, 'adapters', 'start.ts');

const SLACK_BOT_TOKEN = 'xoxb-1111-2222-startsecretbottoken';
const SLACK_APP_TOKEN = 'xapp-1-A0000001-3333-startsecretapptoken';

/** A running `npm start` process with everything it printed so far. */
interface Bot {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once stderr contains `text`; rejects after `timeoutMs` or when the process exits first. */
  waitForErr(text: string, timeoutMs?: number): Promise<void>;
}

const children = new Set<ChildProcessWithoutNullStreams>();
let tmp: string;

beforeAll(() => {
  // The working directory has no .env: configuration comes from the variables given here only.
  tmp = makeTempDir('network-qa-start-');
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeDir(tmp);
});

/** Starts the bot with exactly `env` (plus PATH), in the empty temp folder. */
function startBot(env: Record<string, string>): Bot {
  const child = spawn(process.execPath, ['-r', REGISTER, START], {
    cwd: tmp,
    env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: BUNDLED_KNOWLEDGE, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString('utf8');
    for (const wake of [...listeners]) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      for (const wake of [...listeners]) wake();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    out: () => out,
    err: () => err,
    exited,
    waitForErr: (text, timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`Timed out waiting for "${text}" on stderr; got:\n${err}`)), timeoutMs);
        const check = () => {
          if (err.includes(text)) done();
          else if (child.exitCode !== null || child.signalCode !== null) done(new Error(`The bot exited (${child.exitCode ?? child.signalCode}) before "${text}"; stderr:\n${err}`));
        };
        const done = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve();
        };
        listeners.add(check);
        check();
      }),
  };
}

/** Resolves with the exit, or rejects when the process is still running after `ms`. */
async function exitWithin(bot: Bot, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The bot did not exit within ${ms} ms; stderr:\n${bot.err()}`)), ms);
  });
  try {
    return await Promise.race([bot.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('npm start without tokens', () => {
  it('chats in the terminal: one hint about Slack/Discord, then answers from the knowledge, and exits 0 at end of input', async () => {
    const bot = startBot({ DATA_DIR: join(tmp, 'terminal-data') });
    bot.child.stdin.end('Who is the vice chair?\n');
    const { code } = await exitWithin(bot, 15_000);
    expect({ code, err: bot.err() }).toEqual({ code: 0, err: '' });
    const hints = bot.out().split('\n').filter((line) => /Slack/.test(line) && /Discord/.test(line));
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatch(/SLACK_BOT_TOKEN or DISCORD_TOKEN/);
    // The hint comes first, before the conversation.
    expect(bot.out().indexOf(hints[0])).toBe(0);
    expect(bot.out()).toContain('Laia Bonet');
  }, 20_000);
});

describe('npm start with a malformed variable', () => {
  const cases: Array<{ name: string; env: Record<string, string>; variable: string; secret?: string }> = [
    { name: 'a Slack bot token of the wrong kind', env: { SLACK_BOT_TOKEN: 'not-a-token-but-secret-4242' }, variable: 'SLACK_BOT_TOKEN', secret: 'secret-4242' },
    {
      name: 'an app-level token that is not one',
      env: { SLACK_BOT_TOKEN: SLACK_BOT_TOKEN, SLACK_APP_TOKEN: 'xoxp-user-token-secret-4343' },
      variable: 'SLACK_APP_TOKEN',
      secret: 'secret-4343',
    },
    { name: 'a Discord token without the application id', env: { DISCORD_TOKEN: 'discord-token-secret-4444-abcdefghijkl' }, variable: 'DISCORD_CLIENT_ID', secret: 'secret-4444' },
    { name: 'a retention that is not a number', env: { LOG_RETENTION_DAYS: 'abc' }, variable: 'LOG_RETENTION_DAYS' },
  ];

  it.each(cases)('refuses to start with $name, naming $variable and never printing the token', async ({ env, variable, secret }) => {
    const bot = startBot({ DATA_DIR: join(tmp, 'refused-data'), ...env });
    bot.child.stdin.end();
    const { code } = await exitWithin(bot, 15_000);
    expect(code).not.toBe(0);
    expect(bot.err()).toMatch(new RegExp(`^network-qa: ${variable} `));
    expect(bot.err().split('\n').filter(Boolean)).toHaveLength(1);
    if (secret) expect(bot.out() + bot.err()).not.toContain(secret);
    // Refused before anything was set up: nothing written.
    expect(existsSync(join(tmp, 'refused-data'))).toBe(false);
  }, 20_000);
});

describe('npm start when a platform refuses its token', () => {
  it('stops the platform already connected and exits 1 naming DISCORD_TOKEN, without printing a token', async () => {
    const api = await new FakeSlackWebApi().start();
    const socket = await new FakeSocketMode().start();
    api.socketUrl = socket.url;
    const discord = await FakeDiscord.start();
    const refused = 'refused-discord-token-0123456789-abcdef';
    try {
      const bot = startBot({
        DATA_DIR: join(tmp, 'refused-token-data'),
        SLACK_BOT_TOKEN,
        SLACK_APP_TOKEN,
        SLACK_API_URL: api.apiUrl,
        ...(discord.env({ DISCORD_TOKEN: refused }) as Record<string, string>),
      });
      // Slack connects first; Discord then refuses the token (gateway close 4004).
      const { code } = await exitWithin(bot, 30_000);
      expect(code).toBe(1);
      expect(socket.connections).toBe(1);
      expect(socket.open).toBe(0);
      expect(bot.err()).toMatch(/^network-qa: Discord login failed \(check DISCORD_TOKEN and DISCORD_API_URL\)/m);
      const printed = bot.out() + bot.err();
      for (const secret of [refused, SLACK_BOT_TOKEN, SLACK_APP_TOKEN]) expect(printed).not.toContain(secret);
    } finally {
      await socket.close();
      await api.close();
      await discord.close();
    }
  }, 40_000);
});

describe('npm start with Slack (Socket Mode) and Discord', () => {
  let api: FakeSlackWebApi;
  let socket: FakeSocketMode;
  let discord: FakeDiscord;
  let bot: Bot;
  const dataDir = () => join(tmp, 'both-data');

  beforeAll(async () => {
    api = await new FakeSlackWebApi().start();
    socket = await new FakeSocketMode().start();
    api.socketUrl = socket.url;
    discord = await FakeDiscord.start();
    bot = startBot({
      DATA_DIR: dataDir(),
      // Debug logging: even the most talkative level must not write a token.
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN,
      SLACK_APP_TOKEN,
      SLACK_API_URL: api.apiUrl,
      ...(discord.env() as Record<string, string>),
    });
    await bot.waitForErr('"code":"slack_ready"');
    await bot.waitForErr('Discord bot running');
  }, 30_000);

  afterAll(async () => {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await socket.close();
    await api.close();
    await discord.close();
  });

  it('connects to both platforms', () => {
    expect(api.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);
    expect(api.callsTo('auth.test')[0]?.authorization).toBe(`Bearer ${SLACK_BOT_TOKEN}`);
    expect(socket.open).toBe(1);
    expect(discord.gateway.identifies).toBe(1);
  });

  it('answers an @mention in Slack in the thread', async () => {
    const ts = '1712000000.000100';
    const ack = await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> Who is the vice chair?', { ts })));
    expect(ack.envelope_id).toBeDefined();
    const calls = await api.waitFor((c) => c.some((call) => call.method === 'chat.postMessage'));
    const post = calls.find((call) => call.method === 'chat.postMessage')!;
    expect(post.params).toMatchObject({ channel: 'CGENERAL1', thread_ts: ts });
    expect(post.params.text).toContain('Laia Bonet');
  });

  it('answers an @mention in Discord with a reply that pings nobody', async () => {
    const id = discord.messageCreate({ content: `<@${discord.botId}> Who is the vice chair?`, mentionBot: true });
    const reply = await discord.botReplyTo(id);
    expect(reply.embeds[0].description).toContain('Laia Bonet');
    const request = await discord.waitForRequest((r) => r.body?.message_reference?.message_id === id);
    expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('stops on SIGTERM after sending the replies in flight: exit 0, connections closed, both questions logged', async () => {
    // Replies that are still on their way when SIGTERM arrives: a slow Slack and a rate-limited Discord.
    api.delay('chat.postMessage', 600);
    discord.rateLimitNext('POST', /\/channels\/\d+\/messages$/, 0.6);
    const slackTs = '1712000000.000200';
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> How many members are listed?', { ts: slackTs })));
    const discordId = discord.messageCreate({ content: `<@${discord.botId}> How many members are listed?`, mentionBot: true });
    await discord.waitForRequest((r) => r.body?.message_reference?.message_id === discordId); // now waiting out the 429
    const started = Date.now();
    bot.child.kill('SIGTERM');
    const { code, signal } = await exitWithin(bot, 8000);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(8000);

    // Nothing lost: both replies arrived before the process ended.
    expect(api.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === slackTs)).toHaveLength(1);
    expect((await discord.botReplyTo(discordId, 100)).embeds[0].description).toBeTruthy();
    // Both connections closed by the bot, Discord's normally.
    expect(socket.open).toBe(0);
    expect(discord.gateway.closeCodes).toContain(1000);

    // The question log is in the store (SQLite in DATA_DIR), which a second process may read while the bot runs.
    const store = await openStore({ dataDir: dataDir() });
    const asked: string[] = [];
    try {
      for await (const page of store.readQuestions({ from: new Date(0) })) asked.push(...page.map((r) => `${r.platform}: ${r.question}`));
    } finally {
      await store.close();
    }
    expect(asked).toEqual(
      expect.arrayContaining([
        'slack: Who is the vice chair?',
        'discord: Who is the vice chair?',
        'slack: How many members are listed?',
        'discord: How many members are listed?',
      ]),
    );
    expect(bot.err()).toContain('"code":"stopping"');
  }, 15_000);

  it('never wrote a token to stdout or stderr', () => {
    const printed = bot.out() + bot.err();
    expect(printed).not.toContain(SLACK_BOT_TOKEN);
    expect(printed).not.toContain(SLACK_APP_TOKEN);
    expect(printed).not.toContain(discord.token);
    expect(printed).not.toMatch(/startsecret/);
    expect(printed).not.toContain(discord.token.slice('fake-token-'.length));
  });
});
