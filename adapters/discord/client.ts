import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import { describeError, NetworkQaError } from '../../src/errors';
import type { QA } from '../../src/qa';
import type { Logger } from '../../src/types';
import type { DiscordConfig } from './config';
import { events } from './events';
import { ConversationMemory } from './memory';
import { NO_MENTIONS } from './render';
import type { BotContext, DiscordBotOptions } from './types';

/** Defaults of {@link DiscordBotOptions}, in one place. */
export const defaultDiscordBotOptions = {
  deferAfterMs: 1500,
  stopTimeoutMs: 10_000,
  memoryLimit: 1000,
} as const satisfies DiscordBotOptions;

/** What `startDiscordBot` needs. */
export interface StartDiscordBotOptions {
  qa: QA;
  config: DiscordConfig;
  logger: Logger;
  /** Tunables; see {@link defaultDiscordBotOptions}. */
  options?: Partial<DiscordBotOptions>;
  /**
   * Called once when Discord closes the gateway for good (a fatal close code, see {@link FATAL_CLOSE_CODES}), after
   * one error line says why; the caller stops the bot.
   */
  onFatal?: (reason: string) => void;
}

/**
 * Gateway close codes after which Discord will not accept the bot again without a fix by a person, and what to fix.
 * discord.js does not reconnect after them (its `ShardDisconnect` event).
 */
export const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  4004: 'authentication failed: DISCORD_TOKEN was revoked or is wrong',
  4010: 'invalid shard',
  4011: 'sharding required: the bot is in too many servers for one connection',
  4012: 'invalid API version',
  4013: 'invalid intents',
  4014: 'disallowed intents: an intent the bot asks for is not enabled in the developer portal',
};

/** A running Discord bot. */
export interface DiscordBot {
  /** Finishes the answers in flight, then closes the gateway connection. Safe to call twice. */
  stop(): Promise<void>;
  /** The discord.js client (for tests and diagnostics). */
  readonly client: Client;
}

/** discord.js options: no privileged intents, DMs via the Channel partial, and no mention is ever parsed. */
export function clientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: config.apiUrl ? { api: config.apiUrl } : {},
    // A question deleted before the answer arrives still gets its answer, just not as a reply.
    failIfNotExists: false,
  };
}

/**
 * Connects to Discord and answers `/ask`, `/kb`, @mentions, DMs and replies to the bot's answers.
 * @returns once the client is ready (every guild received)
 * @throws NetworkQaError when logging in fails (the token never appears in the message)
 * @example
 * const bot = await startDiscordBot({ qa, config: readDiscordConfig(process.env)!, logger });
 * process.once('SIGTERM', () => void bot.stop());
 */
export async function startDiscordBot({ qa, config, logger, options, onFatal }: StartDiscordBotOptions): Promise<DiscordBot> {
  const ctx: BotContext = {
    qa,
    config,
    logger,
    memory: new ConversationMemory(options?.memoryLimit ?? defaultDiscordBotOptions.memoryLimit),
    options: { ...defaultDiscordBotOptions, ...options },
  };
  const client = new Client(clientOptions(config));
  const inFlight = new Set<Promise<void>>();

  for (const event of events) {
    client.on(event.name, (...args) => {
      const execute = event.execute as (ctx: BotContext, ...eventArgs: unknown[]) => Promise<void>;
      const handled = execute(ctx, ...args)
        .catch((error: unknown) => logger.error({ code: 'discord_handler_failed', event: event.name, error: describeError(error) }, 'Discord handler failed'))
        .finally(() => inFlight.delete(handled));
      inFlight.add(handled);
    });
  }
  client.on(Events.Error, (error) => logger.error({ code: 'discord_client_error', error: describeError(error) }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ code: 'discord_client_warning', detail: message }, 'Discord client warning'));
  let fatal = false;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const why = FATAL_CLOSE_CODES[event.code];
    if (!why || fatal) {
      logger.warn({ code: 'discord_disconnected', shardId, closeCode: event.code }, 'Discord gateway closed for good');
      return;
    }
    fatal = true;
    logger.error({ code: 'discord_fatal', closeCode: event.code }, `Discord closed the connection for good (${event.code}, ${why}); Discord is stopped`);
    onFatal?.(`${event.code} ${why}`);
  });
  let closing = false;
  // destroy() emits ShardReconnecting too; on a clean stop that line would suggest a connection problem.
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!closing) logger.info({ code: 'discord_reconnecting', shardId }, 'Discord gateway reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ code: 'discord_resumed', shardId, replayed }, 'Discord gateway resumed'));
  client.rest.on('rateLimited', (info) =>
    logger.warn({ code: 'discord_rate_limited', route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global }, 'Discord rate limit: waiting'),
  );

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw new NetworkQaError('config_invalid', `Discord login failed (check DISCORD_TOKEN and DISCORD_API_URL): ${describeError(error)}`, { cause: error });
  }
  logger.info({ code: 'discord_ready', user: client.user?.tag, guilds: client.guilds.cache.size }, 'Discord bot connected');

  let stopped: Promise<void> | undefined;
  async function drainAndClose(): Promise<void> {
    const deadline = Date.now() + ctx.options.stopTimeoutMs;
    // New events may still arrive while draining; they are answered too, so nothing received is dropped.
    while (inFlight.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, deadline - Date.now());
        }),
      ]);
      clearTimeout(timer);
    }
    if (inFlight.size > 0) logger.warn({ code: 'discord_stop_timeout', pending: inFlight.size }, 'Stopped Discord with answers still pending');
    closing = true;
    await client.destroy();
    logger.info({ code: 'discord_stopped' }, 'Discord bot stopped');
  }
  return {
    client,
    stop: () => (stopped ??= drainAndClose()),
  };
}
