import { startSlackBot, type SlackBot } from '../../../adapters/slack/app';
import type { SlackConfig } from '../../../adapters/slack/config';
import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, buttonClick, directMessage, eventEnvelope, slashCommand } from '../../fakes/slack/payloads';
import { FakeSocketMode } from '../../fakes/slack/socket-mode';
import { FakeSlackWebApi } from '../../fakes/slack/web-api';

const BOT_TOKEN = 'xoxb-1111-2222-secretbottoken';
const APP_TOKEN = 'xapp-1-A0000001-3333-secretapptoken';
const FAST = {
  retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 50, factor: 2 },
  socketPingTimeoutMs: 300,
  drainTimeoutMs: 3000,
  maxReconnectDelayMs: 200,
};

describe('Slack adapter over Socket Mode (real Bolt, fake Slack on 127.0.0.1)', () => {
  const api = new FakeSlackWebApi();
  const socket = new FakeSocketMode();
  const qa = new FakeQA();
  const logger = captureLogger();
  let bot: SlackBot;

  beforeAll(async () => {
    await api.start();
    await socket.start();
    api.socketUrl = socket.url;
    const config: SlackConfig = { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl, maintainers: ['UMAINT001'] };
    bot = await startSlackBot({ qa, config, logger, tuning: FAST });
  });

  afterAll(async () => {
    await bot?.stop();
    await socket.close();
    await api.close();
  });

  beforeEach(() => api.reset());

  it('answers an @mention in the thread of that message, with its sources', async () => {
    const event = appMention('<@UBOT00001> who chairs the culture forum?');
    const ack = await socket.send('events_api', eventEnvelope(event));
    expect(ack.envelope_id).toMatch(/^env-/);

    const [post] = (await api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'))).filter((c) => c.method === 'chat.postMessage');
    expect(post!.params.channel).toBe('CGENERAL1');
    expect(post!.params.thread_ts).toBe(event.ts);
    expect(post!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post!.params.text).toBe('Answer to: who chairs the culture forum?');
    const context = JSON.stringify(post!.params.blocks);
    expect(context).toContain('<https://eurocities.eu/culture|Culture Forum › Chair>');
    expect(context).toContain('Staff');
    expect(qa.asked.at(-1)).toEqual({ question: 'who chairs the culture forum?', context: { platform: 'slack', userId: 'UALICE001' } });
  });
});
