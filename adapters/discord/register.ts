import { config as loadDotenv } from 'dotenv';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { ConfigError, describeError } from '../../src/errors';
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
  try {
    await rest.put(route, { body });
  } catch (error) {
    throw registrationError(error, config);
  }
  const result = { scope: config.guildId ? ('guild' as const) : ('global' as const), names: body.map((command) => command.name) };
  logger.info({ code: 'discord_commands_registered', ...result, guildId: config.guildId }, 'Discord slash commands registered');
  return result;
}

/** Says which variable to check: Discord's bare "401: Unauthorized" or "Missing Access" names none. */
function registrationError(error: unknown, config: DiscordConfig): Error {
  if (error instanceof DiscordAPIError && error.status === 401) return new ConfigError('DISCORD_TOKEN', 'was rejected by Discord (401 Unauthorized)');
  const check = config.guildId
    ? 'check DISCORD_CLIENT_ID and DISCORD_GUILD_ID, and that the bot was invited to that server with the applications.commands scope'
    : 'check DISCORD_CLIENT_ID';
  return new Error(`Registering the slash commands failed (${check}): ${describeError(error)}`, { cause: error });
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
