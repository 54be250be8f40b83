import { registerCommands } from '../../../adapters/discord/register';
import { readDiscordConfig } from '../../../adapters/discord/config';
import { silentLogger } from '../../../src/log';
import { FakeDiscord } from '../../fakes/discord/server';

describe('registerCommands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('registers /ask, /help and /kb in the server named by DISCORD_GUILD_ID, /kb hidden behind Manage Server', async () => {
    const result = await registerCommands(readDiscordConfig(fake.env())!, silentLogger);
    expect(result).toEqual({ scope: 'guild', names: ['ask', 'help', 'kb'] });
    const request = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(request.path).toBe(`/api/v10/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect(request.headers.authorization).toBe(`Bot ${fake.token}`);
    const [ask, help, kb] = request.body;
    expect(help.name).toBe('help');
    expect(ask.options.map((o: any) => [o.name, o.required ?? false, o.autocomplete ?? false])).toEqual([
      ['question', true, true],
      ['private', false, false],
    ]);
    expect(ask.options[0].max_length).toBe(1000);
    expect(kb.default_member_permissions).toBe('32');
    expect(kb.contexts).toEqual([0]);
    expect(kb.options.map((o: any) => o.name)).toEqual(['reindex', 'stats', 'unanswered']);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const { DISCORD_GUILD_ID: _unused, ...env } = fake.env();
    expect((await registerCommands(readDiscordConfig(env)!, silentLogger)).scope).toBe('global');
    await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${fake.appId}/commands`);
  });
});
