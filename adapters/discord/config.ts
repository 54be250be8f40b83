import { ConfigError } from '../../src/errors';

/** Typed Discord settings, read once from the environment at start-up. */
export interface DiscordConfig {
  /** Bot token (DISCORD_TOKEN). Never logged. */
  token: string;
  /** Application id (DISCORD_CLIENT_ID). */
  clientId: string;
  /** Server to scope slash commands to (DISCORD_GUILD_ID); global commands when unset. */
  guildId?: string;
  /** Base URL of the REST API, e.g. `https://discord.com/api` (DISCORD_API_URL); discord.js's default when unset. */
  apiUrl?: string;
  /** Roles whose members may use `/kb` (DISCORD_MAINTAINER_ROLE_IDS); members with Manage Server always may. */
  maintainerRoleIds: string[];
}

const SNOWFLAKE = /^\d{17,20}$/;

function snowflake(variable: string, value: string): string {
  if (!SNOWFLAKE.test(value)) throw new ConfigError(variable, `must be a Discord id (17 to 20 digits), got "${value.slice(0, 40)}"`);
  return value;
}

/**
 * Reads the Discord adapter's settings from environment variables.
 * @param env the environment (only start-up code passes `process.env`)
 * @returns the settings, or `null` when `DISCORD_TOKEN` is unset or empty (Discord is not configured)
 * @throws ConfigError naming the variable that is missing or malformed
 */
export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig | null {
  const token = env.DISCORD_TOKEN?.trim();
  if (!token) return null;
  // The token itself is never echoed in the message.
  if (/\s/.test(token) || token.length < 20) throw new ConfigError('DISCORD_TOKEN', 'does not look like a bot token (no spaces, at least 20 characters)');

  const clientId = env.DISCORD_CLIENT_ID?.trim();
  if (!clientId) throw new ConfigError('DISCORD_CLIENT_ID', 'is not set: give the application id from the Discord developer portal');

  const config: DiscordConfig = { token, clientId: snowflake('DISCORD_CLIENT_ID', clientId), maintainerRoleIds: [] };

  const guildId = env.DISCORD_GUILD_ID?.trim();
  if (guildId) config.guildId = snowflake('DISCORD_GUILD_ID', guildId);

  const apiUrl = env.DISCORD_API_URL?.trim();
  if (apiUrl) {
    let url: URL;
    try {
      url = new URL(apiUrl);
    } catch {
      throw new ConfigError('DISCORD_API_URL', `must be an http(s) URL, got "${apiUrl.slice(0, 80)}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('DISCORD_API_URL', `must be an http(s) URL, got "${apiUrl.slice(0, 80)}"`);
    config.apiUrl = apiUrl.replace(/\/+$/, '');
  }

  const roles = env.DISCORD_MAINTAINER_ROLE_IDS?.trim();
  if (roles) {
    config.maintainerRoleIds = roles
      .split(',')
      .map((role) => role.trim())
      .filter((role) => role !== '')
      .map((role) => snowflake('DISCORD_MAINTAINER_ROLE_IDS', role));
  }
  return config;
}
