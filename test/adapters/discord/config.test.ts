import { readDiscordConfig } from '../../../adapters/discord/config';
import { ConfigError } from '../../../src/errors';

const TOKEN = 'MTAxMjM0NTY3ODkwMTIzNDU2Nw.Gabcde.fake-token-for-tests-only';
const base = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '1012345678901234567' };

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readDiscordConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('readDiscordConfig', () => {
  it('returns null when DISCORD_TOKEN is unset or empty (Discord not configured)', () => {
    expect(readDiscordConfig({})).toBeNull();
    expect(readDiscordConfig({ DISCORD_TOKEN: '  ', DISCORD_CLIENT_ID: 'nonsense' })).toBeNull();
  });

  it('reads every variable', () => {
    expect(
      readDiscordConfig({
        ...base,
        DISCORD_GUILD_ID: '1100000000000000001',
        DISCORD_API_URL: 'http://127.0.0.1:3000/api/',
        DISCORD_MAINTAINER_ROLE_IDS: '1200000000000000001, 1200000000000000002,',
      }),
    ).toEqual({
      token: TOKEN,
      clientId: '1012345678901234567',
      guildId: '1100000000000000001',
      apiUrl: 'http://127.0.0.1:3000/api',
      maintainerRoleIds: ['1200000000000000001', '1200000000000000002'],
    });
  });

  it('leaves the optional variables out when unset', () => {
    expect(readDiscordConfig(base)).toEqual({ token: TOKEN, clientId: '1012345678901234567', maintainerRoleIds: [] });
  });

  it.each([
    [{ DISCORD_TOKEN: TOKEN }, 'DISCORD_CLIENT_ID', 'config_missing'],
    [{ ...base, DISCORD_CLIENT_ID: 'my-bot' }, 'DISCORD_CLIENT_ID', 'config_invalid'],
    [{ ...base, DISCORD_GUILD_ID: '123' }, 'DISCORD_GUILD_ID', 'config_invalid'],
    [{ ...base, DISCORD_API_URL: 'discord.com/api' }, 'DISCORD_API_URL', 'config_invalid'],
    [{ ...base, DISCORD_API_URL: 'ftp://example.org/api' }, 'DISCORD_API_URL', 'config_invalid'],
    [{ ...base, DISCORD_MAINTAINER_ROLE_IDS: '1200000000000000001,maintainers' }, 'DISCORD_MAINTAINER_ROLE_IDS', 'config_invalid'],
    [{ ...base, DISCORD_TOKEN: 'short' }, 'DISCORD_TOKEN', 'config_invalid'],
  ])('rejects %j naming %s', (env, variable, code) => {
    const error = errorOf(env);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.code).toBe(code);
    expect(error.message.startsWith(variable)).toBe(true);
  });

  it('never puts the token in an error message', () => {
    const token = 'not a token but secret words';
    expect(errorOf({ ...base, DISCORD_TOKEN: token }).message).not.toContain('secret');
  });
});
