/**
 * Issue 12, finding 6: in HTTP mode, signed requests with timestamps in the future (+6 min, +1 h, +10 years) were
 * accepted, and a signed maintainer `/kb reindex` replayed three times ran three times. The real Bolt receiver, with
 * the bot's verification in front, on 127.0.0.1.
 */
import { startSlackBot, type SlackBot } from '../../../adapters/slack/app';
import type { SlackConfig } from '../../../adapters/slack/config';
import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, eventEnvelope, formBody, signedHeaders, slashCommand } from '../../fakes/slack/payloads';
import { FakeSlackWebApi } from '../../fakes/slack/web-api';

const SECRET = 'f00dfeedf00dfeedf00dfeedf00dfeed';

const api = new FakeSlackWebApi();
const qa = new FakeQA();
const logger = captureLogger();
let bot: SlackBot;
let url: string;

beforeAll(async () => {
  await api.start();
  const config: SlackConfig = { mode: 'http', botToken: 'xoxb-1111-2222-secretbottoken', signingSecret: SECRET, port: 0, apiUrl: api.apiUrl, maintainers: ['UMAINT001'] };
  bot = await startSlackBot({ qa, config, logger, tuning: { host: '127.0.0.1', retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 }, drainTimeoutMs: 3000 } });
  url = `http://127.0.0.1:${bot.port}/slack/events`;
});
afterAll(async () => {
  await bot?.stop();
  await api.close();
});
beforeEach(() => api.reset());

async function post(body: string, headers: Record<string, string>, json = true): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded', ...headers }, body });
  await response.text();
  return response.status;
}

const now = () => Math.floor(Date.now() / 1000);

describe('signed Slack HTTP requests', () => {
  it.each([
    ['6 minutes in the future', 6 * 60],
    ['an hour in the future', 3600],
    ['ten years in the future', 10 * 365 * 86_400],
    ['6 minutes in the past', -6 * 60],
  ])('are refused with 401 when the timestamp is %s, even with a valid signature', async (_when, offset) => {
    const body = JSON.stringify(eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    expect(await post(body, signedHeaders(body, SECRET, now() + offset))).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('are answered when the timestamp is within five minutes either way', async () => {
    for (const offset of [-240, 0, 240]) {
      const body = JSON.stringify(eventEnvelope(appMention(`<@UBOT00001> who chairs the forum ${offset}?`)));
      expect(await post(body, signedHeaders(body, SECRET, now() + offset))).toBe(200);
    }
    await api.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length === 3);
  });

  it('run once when one signed request is replayed: a maintainer /kb reindex sent three times reindexes once', async () => {
    const body = formBody(slashCommand('/kb', 'reindex', api.responseUrl('replay-kb'), 'UMAINT001'));
    const headers = signedHeaders(body, SECRET);
    const before = qa.reloads;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await post(body, headers, false));
    expect(statuses).toEqual([200, 200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(qa.reloads - before).toBe(1);
    expect(logger.lines.filter((l) => l.includes('slack_replay_ignored'))).toHaveLength(2);
  });

  it('are refused with 401 when the signature is wrong', async () => {
    const body = JSON.stringify(eventEnvelope(appMention('<@UBOT00001> hello?')));
    expect(await post(body, signedHeaders(body, 'another-secret-another-secret-00'))).toBe(401);
  });
});
