import { startSlackBot, type SlackBot, type SlackTuning } from '../../../adapters/slack/app';
import type { EventClaims } from '../../../adapters/slack/seen-events';
import type { SlackConfig } from '../../../adapters/slack/config';
import type { QA } from '../../../src/qa';
import { captureLogger } from '../../fakes/slack/fake-qa';
import { FakeSocketMode } from '../../fakes/slack/socket-mode';
import { FakeSlackWebApi } from '../../fakes/slack/web-api';

export const BOT_TOKEN = 'xoxb-1111-2222-secretbottoken';
export const APP_TOKEN = 'xapp-1-A0000001-3333-secretapptoken';

/** Short timings so retries and reconnects happen within a test. */
export const FAST: Partial<SlackTuning> = {
  retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 50, factor: 2 },
  socketPingTimeoutMs: 300,
  drainTimeoutMs: 3000,
  maxReconnectDelayMs: 200,
  respondRetry: { attempts: 3, minDelayMs: 10, maxDelayMs: 500, timeoutMs: 1000 },
};

/** The real Bolt app in Socket Mode against a fake Web API and a fake Socket Mode endpoint, all on 127.0.0.1. */
export interface SocketHarness {
  api: FakeSlackWebApi;
  socket: FakeSocketMode;
  bot: SlackBot;
  logger: ReturnType<typeof captureLogger>;
  close(): Promise<void>;
}

export async function startSocketHarness(qa: QA, maintainers: string[] = ['UMAINT001'], events?: EventClaims): Promise<SocketHarness> {
  const api = await new FakeSlackWebApi().start();
  const socket = await new FakeSocketMode().start();
  api.socketUrl = socket.url;
  const logger = captureLogger();
  const config: SlackConfig = { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl, maintainers };
  const bot = await startSlackBot({ qa, config, logger, events, tuning: FAST });
  return {
    api,
    socket,
    bot,
    logger,
    async close() {
      await bot.stop();
      await socket.close();
      await api.close();
    },
  };
}
