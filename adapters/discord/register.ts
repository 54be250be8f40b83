import { config as loadDotenv } from 'dotenv';
import { REST, Routes } from 'discord.js';
import { describeError } from '../../src/errors';
import { createLogger } from '../../src/log';
import type { Logger } from '../../src/types';
import { commands } from './commands';
import { readDiscordConfig, type DiscordConfig } from './config';

/**
 * Registers the slash commands with Discord: in one server when `guildId` is set (instant), globally otherwise.
 * @returns the names of the commands registered and where
 */
export async function registerCommands(config: DiscordConfig, logger: Logger): Promise<{ scope: 'guild' | 'global'; names: string[] }> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const body = [...commands.values()].map((command) => command.data);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  await rest.put(route, { body });
  const result = { scope: config.guildId ? ('guild' as const) : ('global' as const), names: body.map((command) => command.name) };
  logger.info({ code: 'discord_commands_registered', ...result, guildId: config.guildId }, 'Discord slash commands registered');
  return result;
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const logger = createLogger(process.env.LOG_LEVEL || 'info');
  try {
    const config = readDiscordConfig(process.env);
    if (!config) throw new Error('DISCORD_TOKEN is not set: nothing to register');
    const { scope, names } = await registerCommands(config, logger);
    process.stdout.write(
      `Registered ${names.map((name) => `/${name}`).join(', ')} ${scope === 'guild' ? `in server ${config.guildId} (available now)` : 'globally (may take up to an hour to appear)'}.\n`,
    );
  } catch (error) {
    process.stderr.write(`discord:register failed: ${describeError(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
