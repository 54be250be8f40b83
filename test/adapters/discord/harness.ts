import { startDiscordBot, type DiscordBot } from '../../../adapters/discord/client';
import { readDiscordConfig } from '../../../adapters/discord/config';
import type { DiscordBotOptions } from '../../../adapters/discord/types';
import type { QA } from '../../../src/qa';
import type { Logger } from '../../../src/types';
import { FakeDiscord, type RecordedRequest } from '../../fakes/discord/server';

/** One log call, as the adapter made it. */
export type LogEntry = { level: string; obj: Record<string, unknown>; msg?: string };

/** A logger that keeps every entry for assertions. */
export function capturingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void entries.push({ level, obj: obj as Record<string, unknown>, msg });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A real discord.js bot connected to a fake Discord on 127.0.0.1. */
export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  logger: ReturnType<typeof capturingLogger>;
  /** The interaction callback Discord received for an interaction. */
  callback(interaction: { id: string; token: string }): Promise<RecordedRequest>;
  /** The webhook edit of an interaction's original response. */
  edit(interaction: { token: string }): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export async function startHarness(qa: QA, options: Partial<DiscordBotOptions> = {}, env: Record<string, string> = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const logger = capturingLogger();
  const config = readDiscordConfig(fake.env(env));
  if (!config) throw new Error('harness: no Discord config');
  const bot = await startDiscordBot({ qa, config, logger, options });
  return {
    fake,
    bot,
    logger,
    callback: ({ id, token }) => fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/interactions/${id}/${token}/callback`),
    edit: ({ token }) => fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${fake.appId}/${token}/messages/%40original`),
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}
