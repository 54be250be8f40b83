import { startSlackBot, type SlackBot } from '../../../adapters/slack/app';
import type { SlackConfig } from '../../../adapters/slack/config';
import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, buttonClick, eventEnvelope, formBody, signedHeaders, slashCommand } from '../../fakes/slack/payloads';
import { FakeSlackWebApi } from '../../fakes/slack/web-api';

const BOT_TOKEN = 'xoxb-1111-2222-secretbottoken';
const SECRET = 'f00dfeedf00dfeedf00dfeedf00dfeed';

describe('Slack adapter over HTTP (real Bolt receiver, signed requests)', () => {
  const api = new FakeSlackWebApi();
  const qa = new FakeQA();
  const logger = captureLogger();
  let bot: SlackBot;
  let url: string;

  beforeAll(async () => {
    await api.start();
    const config: SlackConfig = { mode: 'http', botToken: BOT_TOKEN, signingSecret: SECRET, port: 0, apiUrl: api.apiUrl, maintainers: ['UMAINT001'] };
    bot = await startSlackBot({ qa, config, logger, tuning: { host: '127.0.0.1', retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 }, drainTimeoutMs: 3000 } });
    url = `http://127.0.0.1:${bot.port}/slack/events`;
  });

  afterAll(async () => {
    await bot?.stop();
    await api.close();
  });

  beforeEach(() => api.reset());

  const posts = () => api.callsTo('chat.postMessage');
  const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

  /** POSTs like Slack does: JSON for events, form-encoded for commands and interactivity. */
  async function deliver(body: string, options: { json?: boolean; headers?: Record<string, string>; secret?: string; timestamp?: number } = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': options.json === false ? 'application/x-www-form-urlencoded' : 'application/json',
        ...signedHeaders(body, options.secret ?? SECRET, options.timestamp),
        ...options.headers,
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  }

  it('answers a signed @mention in its thread', async () => {
    const event = appMention('<@UBOT00001> who chairs the culture forum?');
    const started = Date.now();
    const { status } = await deliver(JSON.stringify(eventEnvelope(event)));
    expect(status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    await api.waitFor(() => posts().length === 1);
    expect(posts()[0]!.params).toMatchObject({ channel: 'CGENERAL1', thread_ts: event.ts, text: 'Answer to: who chairs the culture forum?' });
  });

  it('answers Slack\'s URL verification challenge when the Request URL is saved', async () => {
    const { status, text } = await deliver(JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' }));
    expect(status).toBe(200);
    expect(text).toContain('c-123');
  });

  it('rejects a request with a bad signature with 401 and does not reply', async () => {
    const { status } = await deliver(JSON.stringify(eventEnvelope(appMention('<@UBOT00001> who chairs?'))), { secret: 'not-the-secret' });
    expect(status).toBe(401);
    await settle();
    expect(posts()).toHaveLength(0);
    expect(qa.asked.at(-1)?.question).not.toBe('who chairs?');
  });

  it('rejects a request with a stale timestamp (replay) and does not reply', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const { status } = await deliver(JSON.stringify(eventEnvelope(appMention('<@UBOT00001> who chairs?'))), { timestamp: sixMinutesAgo });
    expect(status).toBe(401);
    await settle();
    expect(posts()).toHaveLength(0);
  });

  it('answers an event that Slack retries (X-Slack-Retry-Num) only once', async () => {
    const body = JSON.stringify(eventEnvelope(appMention('<@UBOT00001> which cities are members?')));
    expect((await deliver(body)).status).toBe(200);
    expect((await deliver(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    expect((await deliver(body, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await api.waitFor(() => posts().length >= 1);
    await settle();
    expect(posts()).toHaveLength(1);
  });

  it('answers /ask privately in the HTTP response', async () => {
    const body = formBody(slashCommand('/ask', 'who chairs the culture forum?', api.responseUrl('h-ask')));
    const { status, text } = await deliver(body, { json: false });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ response_type: 'ephemeral', text: 'Answer to: who chairs the culture forum?' });
  });

  it('refuses /kb reindex to a user who is not a maintainer, and runs nothing', async () => {
    const { status, text } = await deliver(formBody(slashCommand('/kb', 'reindex', api.responseUrl('h-kb'), 'UALICE001')), { json: false });
    expect(status).toBe(200);
    expect(JSON.parse(text).text).toMatch(/for the knowledge maintainers only/);
    await settle();
    expect(qa.reloads).toBe(0);
    expect(api.callsTo('response_url')).toHaveLength(0);
  });

  it('records feedback from a signed button click', async () => {
    const payload = buttonClick('feedback_down', 'ans-42', api.responseUrl('h-fb'), { user: 'UCAROL001' });
    const { status } = await deliver(formBody({ payload: JSON.stringify(payload) }), { json: false });
    expect(status).toBe(200);
    await api.waitFor(() => api.callsTo('response_url').length === 1);
    expect(qa.votes.at(-1)).toEqual({ answerId: 'ans-42', vote: 'down', context: { platform: 'slack', userId: 'UCAROL001' } });
  });

  it('stops cleanly on SIGTERM: the reply in flight is still sent, then the port is closed', async () => {
    api.delay('chat.postMessage', 400);
    const onSigterm = () => void bot.stop();
    process.once('SIGTERM', onSigterm);
    try {
      await deliver(JSON.stringify(eventEnvelope(appMention('<@UBOT00001> what is Eurocities?'))));
      await settle(100);
      expect(api.attemptsOf('chat.postMessage')).toBe(1);
      process.emit('SIGTERM');
      await bot.stop();
    } finally {
      process.removeListener('SIGTERM', onSigterm);
    }
    expect(posts()).toHaveLength(1);
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(logger.lines.join('\n')).not.toContain('secretbottoken');
    expect(logger.lines.join('\n')).not.toContain(SECRET);
  });
});
