import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSlackBot } from '../../../adapters/slack/app';
import type { SlackConfig } from '../../../adapters/slack/config';
import { ConfigError } from '../../../src/errors';
import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, eventEnvelope, signedHeaders } from '../../fakes/slack/payloads';
import { FakeSocketMode } from '../../fakes/slack/socket-mode';
import { FakeSlackWebApi } from '../../fakes/slack/web-api';

const FAST = { retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 }, socketPingTimeoutMs: 300, maxReconnectDelayMs: 100, drainTimeoutMs: 3000 };

describe('Slack bot start-up and shutdown', () => {
  const api = new FakeSlackWebApi();
  const socket = new FakeSocketMode();
  // Jest fails the running test on an unhandled rejection, so the reconnect tests below need no listener of their own.

  beforeAll(async () => {
    await api.start();
    await socket.start();
    api.socketUrl = socket.url;
  });

  afterAll(async () => {
    await socket.close();
    await api.close();
  });

  beforeEach(() => api.reset());

  const socketConfig = (): SlackConfig => ({ mode: 'socket', botToken: 'xoxb-1-2-secretbottoken', appToken: 'xapp-1-A1-2-secretapptoken', apiUrl: api.apiUrl, maintainers: [] });

  it('fails start-up naming SLACK_BOT_TOKEN when Slack rejects the bot token', async () => {
    api.failNext('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const logger = captureLogger();
    const error = await startSlackBot({ qa: new FakeQA(), config: socketConfig(), logger, tuning: FAST }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('SLACK_BOT_TOKEN');
    expect((error as Error).message).toBe('SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)');
    expect(api.callsTo('apps.connections.open')).toHaveLength(0);
  });

  it('fails start-up naming SLACK_APP_TOKEN when Slack rejects the app-level token', async () => {
    api.failNext('apps.connections.open', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const error = await startSlackBot({ qa: new FakeQA(), config: socketConfig(), logger: captureLogger(), tuning: FAST }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('SLACK_APP_TOKEN');
  });

  it('fails start-up with the address when the Web API cannot be reached, without the token', async () => {
    const config = { ...socketConfig(), apiUrl: 'http://127.0.0.1:1/api/' };
    const error = await startSlackBot({ qa: new FakeQA(), config, logger: captureLogger(), tuning: FAST }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Slack start-up failed \(Socket Mode, Web API http:\/\/127\.0\.0\.1:1\/api\/\)/);
    expect((error as Error).message).not.toContain('secret');
  });

  it('fails start-up naming PORT when the HTTP port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const config: SlackConfig = { mode: 'http', botToken: 'xoxb-1-2-secretbottoken', signingSecret: 'abc', port, apiUrl: api.apiUrl, maintainers: [] };
      const error = await startSlackBot({ qa: new FakeQA(), config, logger: captureLogger(), tuning: { ...FAST, host: '127.0.0.1' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(`PORT ${port} cannot be listened on (EADDRINUSE): choose another port`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('stops in Socket Mode after sending the reply in flight, and closes the connection', async () => {
    const bot = await startSlackBot({ qa: new FakeQA(), config: socketConfig(), logger: captureLogger(), tuning: FAST });
    api.delay('chat.postMessage', 300);
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await bot.stop();
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(socket.open).toBe(0);
    await bot.stop(); // a second stop is harmless
  });

  it('answers an event whose request was still arriving when stop() began (Slack got its ack, so it will not resend it), then closes that kept-alive connection at once', async () => {
    const secret = 'f00dfeedf00dfeedf00dfeedf00dfeed';
    const config: SlackConfig = { mode: 'http', botToken: 'xoxb-1-2-secretbottoken', signingSecret: secret, port: 0, apiUrl: api.apiUrl, maintainers: [] };
    const bot = await startSlackBot({ qa: new FakeQA(), config, logger: captureLogger(), tuning: { ...FAST, host: '127.0.0.1' } });
    const body = JSON.stringify(eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    const request = httpRequest({
      host: '127.0.0.1',
      port: bot.port,
      path: '/slack/events',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...signedHeaders(body, secret) },
    });
    const response = new Promise<number | undefined>((resolve, reject) => {
      request.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const stopped = bot.stop();
    request.end(body.slice(20));
    expect(await response).toBe(200);
    await stopped;
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    // The keep-alive connection does not hold the stop for its 5-second idle timeout.
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops while reconnecting without an unhandled rejection, and does not reconnect afterwards', async () => {
    const logger = captureLogger();
    const bot = await startSlackBot({ qa: new FakeQA(), config: socketConfig(), logger, tuning: FAST });
    const connections = socket.connections;
    // Reconnects fail for a while: apps.connections.open answers 500.
    api.failNext('apps.connections.open', { status: 500 }, 50);
    socket.requestReconnect();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await bot.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(socket.connections).toBe(connections);
    expect(logger.lines.some((line) => line.includes('slack_reconnect_failed'))).toBe(true);
  });

  it('stops during the pause before a reconnect without an unhandled rejection', async () => {
    const bot = await startSlackBot({ qa: new FakeQA(), config: socketConfig(), logger: captureLogger(), tuning: { ...FAST, socketPingTimeoutMs: 2000 } });
    const connections = socket.connections;
    socket.requestReconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await bot.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(socket.connections).toBe(connections);
  });

  it('does not stay connected when stopped while a reconnect is opening its connection', async () => {
    const bot = await startSlackBot({ qa: new FakeQA(), config: socketConfig(), logger: captureLogger(), tuning: FAST });
    api.delay('apps.connections.open', 400);
    socket.requestReconnect();
    // The reconnect waits 300 ms, then asks apps.connections.open, which answers after 400 ms.
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(api.attemptsOf('apps.connections.open')).toBe(2); // start-up, then the reconnect in flight
    await bot.stop(); // waits for the reconnect under way, then closes it
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(socket.open).toBe(0);
  });
});
