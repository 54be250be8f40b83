import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  ClientEvents,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { QA } from '../../src/qa';
import type { Logger } from '../../src/types';
import type { DiscordConfig } from './config';
import type { ConversationMemory } from './memory';

/** Tunables of the Discord adapter, defaults in `defaultDiscordBotOptions`. */
export interface DiscordBotOptions {
  /** Defer an interaction when its answer is not ready after this long (Discord allows 3 s). @defaultValue 1500 */
  deferAfterMs: number;
  /** How long `stop()` waits for answers in flight before closing the connection. @defaultValue 10000 */
  stopTimeoutMs: number;
  /** Entries kept in each memory (follow-ups, related questions, votes). @defaultValue 1000 */
  memoryLimit: number;
}

/** Everything a command, event or button handler may use. */
export interface BotContext {
  qa: QA;
  config: DiscordConfig;
  logger: Logger;
  memory: ConversationMemory;
  options: DiscordBotOptions;
}

/** One slash command: its registration data and its handlers. */
export interface Command {
  /** What `register.ts` sends to Discord. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** One gateway event listener. */
export interface BotEvent<E extends keyof ClientEvents = keyof ClientEvents> {
  name: E;
  execute(ctx: BotContext, ...args: ClientEvents[E]): Promise<void>;
}
