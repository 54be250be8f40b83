/**
 * Issue 12, findings 3 and 6: a revoked Slack token was retried forever, and one 429 with `Retry-After: 30` held back
 * every other Slack reply, with no cap on `Retry-After`. Real Bolt in Socket Mode against the fake Slack on 127.0.0.1.
 */
import { startSlackBot, type SlackBot, type SlackTuning } from '../../../adapters/slack/app';
import type { SlackConfig } from '../../../adapters/slack/config';
import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, eventEnvelope } from '../../fakes/slack/payloads';
import { FakeSocketMode } from '../../fakes/slack/socket-mode';
import { FakeSlackWebApi } from '../../fakes/slack/web-api';
import { APP_TOKEN, BOT_TOKEN, FAST } from './harness';

interface Running {
  api: FakeSlackWebApi;
  socket: FakeSocketMode;
  bot: SlackBot;
  logger: ReturnType<typeof captureLogger>;
  fatal: string[];
}

const running: Running[] = [];

async function start(tuning: Partial<SlackTuning> = {}): Promise<Running> {
  const api = await new FakeSlackWebApi().start();
  const socket = await new FakeSocketMode().start();
  api.socketUrl = socket.url;
  const logger = captureLogger();
  const fatal: string[] = [];
  const config: SlackConfig = { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl, maintainers: [] };
  const bot = await startSlackBot({ qa: new FakeQA(), config, logger, tuning: { ...FAST, ...tuning }, onFatal: (reason) => void fatal.push(reason) });
  const r = { api, socket, bot, logger, fatal };
  running.push(r);
  return r;
}

afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.bot.stop();
    await r.socket.close();
    await r.api.close();
  }
});

const postsTo = (api: FakeSlackWebApi, channel: string) => api.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);

describe('a rate-limited Slack reply', () => {
  it('does not hold back the replies to other channels while it waits for Retry-After', async () => {
    const { api, socket } = await start();
    api.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } });
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?', { channel: 'CFIRST001' })));
    await api.waitFor(() => api.attemptsOf('chat.postMessage') === 1);
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> which cities are members?', { channel: 'CSECOND01' })));
    // Well before the first reply's 30 seconds are up.
    await api.waitFor(() => postsTo(api, 'CSECOND01').length === 1, 5000);
    expect(postsTo(api, 'CFIRST001')).toHaveLength(0);
  });

  it('is given up at once, with one log line, when Retry-After is longer than the cap', async () => {
    const { api, socket, logger } = await start({ rateLimit: { maxRetryAfterMs: 1000, attempts: 3 } });
    api.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '120' }, body: { ok: false, error: 'ratelimited' } });
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?', { channel: 'CFIRST001' })));
    const deadline = Date.now() + 5000;
    while (!logger.lines.some((l) => l.includes('slack_post_failed')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logger.lines.filter((l) => l.startsWith('error') && l.includes('slack_post_failed'))).toHaveLength(1);
    expect(api.attemptsOf('chat.postMessage')).toBe(1);
    // The next reply goes through at once.
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> which cities are members?', { channel: 'CSECOND01' })));
    await api.waitFor(() => postsTo(api, 'CSECOND01').length === 1, 3000);
  });
});

describe('a revoked Slack token', () => {
  it('stops Slack with one clear line when a reply is refused with token_revoked', async () => {
    const { api, socket, logger, fatal } = await start();
    api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'token_revoked' } });
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    const deadline = Date.now() + 5000;
    while (!fatal.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fatal).toEqual(['token_revoked']);
    const lines = logger.lines.filter((l) => l.includes('slack_fatal'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Slack rejected the bot's token (token_revoked); Slack is stopped");
    expect(lines[0]).not.toContain(BOT_TOKEN);
  });

  it('is not retried forever when Socket Mode cannot reconnect (invalid_auth)', async () => {
    const r = await start();
    r.api.failNext('apps.connections.open', { status: 200, body: { ok: false, error: 'invalid_auth' } }, 1000);
    const before = r.api.attemptsOf('apps.connections.open');
    r.socket.dropConnections();
    const deadline = Date.now() + 5000;
    while (!r.fatal.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.fatal).toEqual(['invalid_auth']);
    // What start-up does with onFatal: stop the platform. No reconnect attempts follow.
    await r.bot.stop();
    const stopped = r.api.attemptsOf('apps.connections.open');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(r.api.attemptsOf('apps.connections.open')).toBe(stopped);
    expect(stopped - before).toBeLessThanOrEqual(3);
  });
});
