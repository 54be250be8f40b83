import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { ConfigError, describeError } from '../../src/errors';
import { NOTICES } from '../../src/present';
import type { QA } from '../../src/qa';
import type { Logger } from '../../src/types';
import type { SlackConfig } from './config';
import { createDeps } from './conversation';
import { registerListeners } from './listeners';
import { boltLogger, redactSecrets } from './logger';
import { createResponder, type RespondRetry } from './listeners/post';
import { SeenEvents, type EventClaims } from './seen-events';
import { createSlackFetch, type RateLimitPolicy } from './transport';
import { guardHttpReceiver } from './verify';
import { InFlight } from './state';

/** Transport timings; production uses the defaults, tests shorten them. */
export interface SlackTuning {
  /** Retries of Web API calls that were rate limited (429), failed (5xx) or did not connect. */
  retryConfig: webApi.RetryOptions;
  /** Timeout of one Web API request, in ms. */
  requestTimeoutMs: number;
  /** Socket Mode: pong timeout, and the base delay before reconnecting after a disconnect, in ms. */
  socketPingTimeoutMs: number;
  /** HTTP mode: the interface to listen on. @defaultValue all interfaces */
  host?: string;
  /** How long `stop()` waits for replies still being sent, in ms. */
  drainTimeoutMs: number;
  /** Upper bound of the delay between failed Socket Mode reconnection attempts, in ms. */
  maxReconnectDelayMs: number;
  /** Retries of replies through response URLs (button clicks, `/kb reindex`): 429, 5xx, timeouts, network errors. */
  respondRetry: RespondRetry;
  /** Rate-limited (429) Web API calls: retried one by one, never pausing other replies (see `transport.ts`). */
  rateLimit: RateLimitPolicy;
}

/** Defaults for {@link SlackTuning}. */
export const defaultSlackTuning = {
  retryConfig: { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 30_000, randomize: true },
  requestTimeoutMs: 15_000,
  socketPingTimeoutMs: 5000,
  host: undefined,
  drainTimeoutMs: 10_000,
  maxReconnectDelayMs: 60_000,
  respondRetry: { attempts: 4, minDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 15_000 },
  // Slack's Retry-After is usually a few seconds; a reply a minute late is still worth sending, one later is not.
  rateLimit: { maxRetryAfterMs: 60_000, attempts: 3 },
} as const satisfies SlackTuning;

/** What {@link startSlackBot} needs. */
export interface SlackBotOptions {
  qa: QA;
  config: SlackConfig;
  logger: Logger;
  /** Where handled event ids are claimed (the store), so a retry is answered once across restarts and processes. @defaultValue memory only */
  events?: EventClaims;
  tuning?: Partial<SlackTuning>;
  /**
   * Called once when Slack says the tokens no longer work (`invalid_auth`, `account_inactive`, `token_revoked`…),
   * after one error line says why; the caller stops the bot.
   */
  onFatal?: (reason: string) => void;
}

/** A running Slack bot. */
export interface SlackBot {
  mode: SlackConfig['mode'];
  /** HTTP mode: the port actually listened on (useful with PORT=0). */
  port?: number;
  /** Stops receiving, waits for replies still being sent, and closes every connection. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Connects the bot to Slack (Socket Mode or HTTP, per `config.mode`) and answers questions with `qa`.
 * Resolves once connected; rejects with a message naming the variable when Slack rejects a token.
 * @example
 * const bot = await startSlackBot({ qa, config: readSlackConfig(process.env)!, logger });
 * process.once('SIGTERM', () => void bot.stop());
 */
export async function startSlackBot({ qa, config, logger, events, tuning, onFatal }: SlackBotOptions): Promise<SlackBot> {
  const t: SlackTuning = { ...defaultSlackTuning, ...tuning };
  const log = boltLogger(logger);
  // Aborted when stop() stops waiting for replies in flight: their retries must not hold the process open.
  const giveUp = new AbortController();
  let started = false;
  let fatal = false;
  const slackFetch = createSlackFetch({
    rateLimit: t.rateLimit,
    logger,
    cancel: giveUp.signal,
    // Before start-up is complete a rejected token fails start-up itself, with the variable's name.
    onFatal: (error, method) => {
      if (!started || fatal) return;
      fatal = true;
      logger.error({ code: 'slack_fatal', error, method }, `Slack rejected the bot's token (${error}); Slack is stopped: check SLACK_BOT_TOKEN and SLACK_APP_TOKEN`);
      onFatal?.(error);
    },
  });
  // A fresh options object per client: Socket Mode writes its own retryConfig into the object it is given.
  const clientOptions = (): webApi.WebClientOptions => ({
    slackApiUrl: config.apiUrl,
    retryConfig: { ...t.retryConfig },
    timeout: t.requestTimeoutMs,
    logger: log,
    rejectRateLimitedCalls: true,
    fetch: slackFetch,
  });

  const identity = await whoAmI(config, clientOptions());

  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.appToken,
          logger: log,
          clientPingTimeout: t.socketPingTimeoutMs,
          // An explicit receiver ignores App's clientOptions; these reach the Socket Mode client's WebClient.
          installerOptions: { clientOptions: clientOptions() },
        })
      : new HTTPReceiver({
          signingSecret: config.signingSecret,
          logger: log,
          endpoints: ['/slack/events'],
          processBeforeResponse: false,
          unhandledRequestTimeoutMillis: 2500,
        });

  // Bolt accepts timestamps from the future and the same signed request twice: checked before it (verify.ts).
  if (receiver instanceof HTTPReceiver && config.mode === 'http') guardHttpReceiver(receiver, config.signingSecret, logger);

  const app = new App({
    token: config.botToken,
    botId: identity.botId,
    botUserId: identity.userId,
    // auth.test already ran above; this keeps the constructor from calling it again (and failing unobserved).
    tokenVerificationEnabled: false,
    receiver,
    logger: log,
    clientOptions: clientOptions(),
    extendedErrorHandler: true,
  });

  const deps = createDeps(qa, logger, identity.userId, config.maintainers, createResponder(logger, t.respondRetry, giveUp.signal));
  const seenEvents = new SeenEvents(events, logger);
  const inFlight = new InFlight();
  let stopping = false;

  // Slack retries an event it thinks was not received (X-Slack-Retry-Num, same event_id): answer it once,
  // also when the retry arrives after a restart or at another process. The id is claimed before the reply is sent.
  app.use(async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId && !(await seenEvents.firstTime(eventId))) {
      logger.info({ code: 'slack_duplicate_ignored', retryNum: context.retryNum, retryReason: context.retryReason }, 'Ignored a repeated Slack event');
      return;
    }
    // Also while stopping: Bolt has already acknowledged an event by now, so Slack will not send it again.
    await inFlight.track(next);
  });
  registerListeners(app, deps);
  // The one error boundary: whatever a listener throws is logged here; the person who asked gets a short
  // private apology, never a stack trace.
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    logger.error({ code: 'slack_listener_failed', error: redactSecrets(describeError(error)) }, 'A Slack listener failed');
    const where = whoToTell(body);
    if (!where) return;
    try {
      await app.client.chat.postEphemeral({ ...where, text: NOTICES.error });
    } catch (postError) {
      logger.warn({ code: 'slack_post_failed', method: 'chat.postEphemeral', error: redactSecrets(describeError(postError)) }, 'Could not tell the user about a failure');
    }
  });

  let port: number | undefined;
  let stopTransport: () => Promise<void>;
  try {
    if (receiver instanceof SocketModeReceiver) {
      const reconnects = guardReconnects(receiver, () => stopping, logger, t.maxReconnectDelayMs);
      stopTransport = async () => {
        await withTimeout(receiver.client.disconnect(), 5000);
        await reconnects.settle(5000);
      };
      await receiver.start();
    } else {
      const server = await receiver.start({ port: config.mode === 'http' ? config.port : 0, host: t.host });
      port = (server.address() as AddressInfo).port;
      stopTransport = async () => {
        const closed = receiver.stop();
        // Connections kept alive by Slack or a proxy must not hold the process open: each one is closed as soon
        // as it is idle (a request still arriving on it is answered first), the rest after 5 seconds.
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        try {
          if (!(await withTimeout(closed, 5000))) server.closeAllConnections();
        } finally {
          clearInterval(idle);
        }
      };
    }
  } catch (error) {
    stopping = true;
    await Promise.resolve(receiver instanceof SocketModeReceiver ? receiver.client.disconnect() : undefined).catch(() => {});
    throw startError(config, error);
  }

  started = true;
  logger.info({ code: 'slack_started', mode: config.mode, port, team: identity.team }, `Slack bot connected (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`})`);

  let stopped: Promise<void> | undefined;
  return {
    mode: config.mode,
    port,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        try {
          await stopTransport();
        } catch (error) {
          logger.warn({ code: 'slack_stop_failed', error: redactSecrets(describeError(error)) }, 'Closing the Slack connection failed');
        }
        if (!(await inFlight.drain(t.drainTimeoutMs))) {
          logger.warn({ code: 'slack_stop_timeout', pending: inFlight.size }, 'Stopped before every Slack reply was sent');
        }
        giveUp.abort();
        logger.info({ code: 'slack_stopped' }, 'Slack bot stopped');
      })();
      return stopped;
    },
  };
}

/** The channel and user of a failed event, command or click, to send them a private apology. */
function whoToTell(body: unknown): { channel: string; user: string } | undefined {
  const b = body as { event?: { channel?: string; user?: string }; channel_id?: string; user_id?: string; channel?: { id?: string }; user?: { id?: string } };
  const channel = b.event?.channel ?? b.channel_id ?? b.channel?.id;
  const user = b.event?.user ?? b.user_id ?? b.user?.id;
  return typeof channel === 'string' && typeof user === 'string' ? { channel, user } : undefined;
}

/** Runs `auth.test` once, before anything else, so a bad token fails start-up with the variable's name. */
async function whoAmI(config: SlackConfig, options: webApi.WebClientOptions): Promise<{ userId: string; botId: string; team?: string }> {
  const client = new webApi.WebClient(config.botToken, options);
  let result: webApi.AuthTestResponse;
  try {
    result = await client.auth.test();
  } catch (error) {
    throw startError(config, error, 'SLACK_BOT_TOKEN');
  }
  if (!result.user_id || !result.bot_id) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'is not a bot token: auth.test returned no bot user (use the "Bot User OAuth Token", xoxb-…)');
  }
  return { userId: result.user_id, botId: result.bot_id, team: result.team };
}

const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type', 'missing_scope']);

/** Turns a start-up failure into a message that says which variable or endpoint is wrong; never includes a token. */
function startError(config: SlackConfig, error: unknown, variable?: string): Error {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (config.mode === 'http' && (errno === 'EADDRINUSE' || errno === 'EACCES')) {
    return new ConfigError('PORT', `${config.port} cannot be listened on (${errno}): choose another port`);
  }
  const code = error instanceof Error && 'data' in error ? (error as { data?: { error?: string } }).data?.error : undefined;
  if (code && AUTH_ERRORS.has(code)) {
    const name = variable ?? (config.mode === 'socket' ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN');
    return new ConfigError(name, `was rejected by Slack (${code})`);
  }
  const where = config.apiUrl ?? 'https://slack.com/api/';
  return new Error(`Slack start-up failed (${config.mode === 'socket' ? 'Socket Mode' : 'HTTP mode'}, Web API ${where}): ${redactSecrets(describeError(error))}`, { cause: error });
}

/**
 * The Socket Mode client reconnects by itself after a `disconnect`, but a failed reconnect rejects a promise
 * nobody awaits (an unhandled rejection), a reconnect failing for good is never retried, and a reconnect that
 * was already opening when `stop()` ran connects anyway. Wraps its `start` so reconnects never reject, are
 * retried with backoff until `stop()`, and disconnect again when they finish after `stop()`.
 */
function guardReconnects(receiver: SocketModeReceiver, isStopping: () => boolean, logger: Logger, maxDelayMs: number) {
  const client = receiver.client;
  const start = client.start.bind(client);
  let first = true;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const reconnect = async (): Promise<webApi.AppsConnectionsOpenResponse> => {
    try {
      const result = await start();
      failures = 0;
      if (isStopping()) {
        await client.disconnect();
      } else {
        logger.info({ code: 'slack_reconnected' }, 'Socket Mode reconnected');
      }
      return result;
    } catch (error) {
      if (!isStopping()) {
        failures += 1;
        const delay = Math.min(maxDelayMs, 1000 * 2 ** Math.min(failures, 10));
        logger.warn({ code: 'slack_reconnect_failed', attempt: failures, retryInMs: delay, error: redactSecrets(describeError(error)) }, 'Socket Mode reconnect failed');
        timer = setTimeout(() => {
          timer = undefined;
          if (!isStopping()) void client.start();
        }, delay);
      }
      return {} as webApi.AppsConnectionsOpenResponse;
    }
  };
  client.start = () => {
    if (first) {
      // Start-up itself must still fail loudly.
      first = false;
      return start();
    }
    const attempt = reconnect();
    running = attempt;
    return attempt;
  };
  return {
    /** Cancels a scheduled retry and waits (at most `ms`) for a reconnect already under way. */
    async settle(ms: number): Promise<void> {
      clearTimeout(timer);
      if (running) await withTimeout(running, ms);
    },
  };
}

/** Waits for `promise` at most `ms`; true when it settled in time. */
async function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const, () => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
