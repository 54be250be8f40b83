import { startSlackBot } from '../../../adapters/slack/app';
import { redactSecrets } from '../../../adapters/slack/logger';
import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, buttonClick, eventEnvelope, slashCommand } from '../../fakes/slack/payloads';
import { FakeSocketMode } from '../../fakes/slack/socket-mode';
import { FakeSlackWebApi } from '../../fakes/slack/web-api';
import { APP_TOKEN, BOT_TOKEN, FAST, startSocketHarness, type SocketHarness } from './harness';

describe('Slack replies through response URLs (feedback, Share in channel, /kb) when Slack fails', () => {
  const qa = new FakeQA();
  let h: SocketHarness;
  let api: FakeSlackWebApi;
  let socket: FakeSocketMode;
  let logger: ReturnType<typeof captureLogger>;

  beforeAll(async () => {
    h = await startSocketHarness(qa);
    ({ api, socket, logger } = h);
  });

  afterAll(async () => {
    await h?.close();
  });

  beforeEach(() => {
    api.reset();
    logger.lines.length = 0;
  });

  const responses = () => api.callsTo('response_url');
  const failures = () => logger.lines.filter((l) => l.includes('slack_post_failed') && l.includes('response_url'));
  const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

  /** A 👍 under a fresh answer, answered through `responseUrl`. */
  async function clickThumbsUp(responseUrl: string, user = `U${Math.random().toString(36).slice(2, 10).toUpperCase()}`): Promise<void> {
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    const [post] = (await api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'))).filter((c) => c.method === 'chat.postMessage');
    const up = post!.params.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === 'feedback_up');
    await socket.send('interactive', buttonClick('feedback_up', up.value, responseUrl, { user }));
  }

  it('sends the feedback thanks once after a 429 with Retry-After, waiting as long as Slack asked', async () => {
    api.failNext('response_url', { status: 429, headers: { 'retry-after': '0.3' } });
    const started = Date.now();
    await clickThumbsUp(api.responseUrl('fb-429'));
    await api.waitFor(() => responses().length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(api.attemptsOf('response_url')).toBe(2);
    await settle();
    expect(responses()).toHaveLength(1);
    expect(responses()[0]!.params.text).toMatch(/^Thanks for the 👍/);
    expect(failures()).toHaveLength(0);
  });

  it('sends the feedback thanks once after a 500', async () => {
    api.failNext('response_url', { status: 500 });
    await clickThumbsUp(api.responseUrl('fb-500'));
    await api.waitFor(() => responses().length === 1);
    await settle();
    expect(api.attemptsOf('response_url')).toBe(2);
    expect(responses()).toHaveLength(1);
  });

  it('shares an answer in the channel once, then removes the private copy, through a 429 and a 500', async () => {
    const url = api.responseUrl('share-1');
    const ack = await socket.send('slash_commands', slashCommand('/ask', 'who chairs the culture forum?', url));
    const share = ack.payload?.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === 'share_answer');
    api.failNext('response_url', { status: 429, headers: { 'retry-after': '0' } });
    api.failNext('response_url', { status: 502 });
    await socket.send('interactive', buttonClick('share_answer', share.value, url, { ephemeral: true }));
    await api.waitFor(() => responses().length === 2);
    await settle();
    expect(responses().map((r) => r.params.response_type ?? (r.params.delete_original ? 'delete' : '?'))).toEqual(['in_channel', 'delete']);
    expect(api.attemptsOf('response_url')).toBe(4);
  });

  it('sends the /kb reindex result once after a 503', async () => {
    api.failNext('response_url', { status: 503 });
    await socket.send('slash_commands', slashCommand('/kb', 'reindex', api.responseUrl('kb-503'), 'UMAINT001'));
    await api.waitFor(() => responses().length === 1);
    await settle();
    expect(responses()).toHaveLength(1);
    expect(responses()[0]!.params.text).toContain('broken.md:7');
  });

  it('gives up after a bounded number of attempts, logs it once without the response URL, and keeps answering', async () => {
    api.failNext('response_url', { status: 500 }, 10);
    await clickThumbsUp(api.responseUrl('T0000001/8888/SecretHookPath'));
    await api.waitFor(() => api.attemptsOf('response_url') === 3);
    await settle(200);
    expect(api.attemptsOf('response_url')).toBe(3);
    expect(failures()).toHaveLength(1);
    expect(failures()[0]).toContain('HTTP 500');
    expect(logger.lines.join('\n')).not.toContain('SecretHookPath');

    api.reset();
    await clickThumbsUp(api.responseUrl('fb-after'));
    await api.waitFor(() => responses().length === 1);
  });

  it('does not retry a response URL that Slack refuses for good (expired)', async () => {
    api.failNext('response_url', { status: 404, body: { ok: false, error: 'expired_url' } }, 3);
    await clickThumbsUp(api.responseUrl('fb-expired'));
    await api.waitFor(() => failures().length === 1);
    await settle();
    expect(api.attemptsOf('response_url')).toBe(1);
    expect(failures()[0]).toContain('expired_url');
  });

  it('retries when the response URL cannot be reached, then logs once without the URL', async () => {
    await clickThumbsUp('http://127.0.0.1:1/response/UnreachableSecretPath');
    await api.waitFor(() => failures().length === 1, 5000).catch(() => undefined);
    await settle();
    expect(failures()).toHaveLength(1);
    expect(logger.lines.join('\n')).not.toContain('UnreachableSecretPath');
  });
});

describe('Slack response URL retries and shutdown', () => {
  it('stops without waiting out a long Retry-After: the pending reply is given up and logged once', async () => {
    const api = await new FakeSlackWebApi().start();
    const socket = await new FakeSocketMode().start();
    api.socketUrl = socket.url;
    const logger = captureLogger();
    const config = { mode: 'socket' as const, botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl, maintainers: ['UMAINT001'] };
    const bot = await startSlackBot({
      qa: new FakeQA(), config, logger,
      tuning: { ...FAST, drainTimeoutMs: 200, respondRetry: { attempts: 4, minDelayMs: 10, maxDelayMs: 60_000, timeoutMs: 1000 } },
    });
    try {
      api.failNext('response_url', { status: 429, headers: { 'retry-after': '30' } });
      await socket.send('slash_commands', slashCommand('/kb', 'reindex', api.responseUrl('kb-slow'), 'UMAINT001'));
      // The first attempt was refused; the bot is now waiting the 30 s Slack asked for.
      for (const deadline = Date.now() + 2000; api.attemptsOf('response_url') < 1 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      await bot.stop();
      expect(Date.now() - started).toBeLessThan(1500);
      expect(api.attemptsOf('response_url')).toBe(1);
      expect(logger.lines.filter((l) => l.includes('slack_post_failed') && l.includes('response_url'))).toHaveLength(1);
    } finally {
      await bot.stop();
      await socket.close();
      await api.close();
    }
  });

  it('removes response URLs and tokens from log text', () => {
    const text = redactSecrets('POST https://hooks.slack.com/commands/T0001/12345/AbCdEfSecret failed for xoxb-1-2-secret');
    expect(text).toBe('POST https://hooks.slack.com/[redacted] failed for [redacted]');
  });
});
