/**
 * Issue 12, finding 3: a fatal Discord close (4004 revoked token, 4013, 4014) left the process running with no
 * connection. Such a close now stops Discord with one clear line and tells start-up, which exits when no platform is
 * left. The real discord.js client against the fake gateway on 127.0.0.1.
 */
import { startDiscordBot, type DiscordBot } from '../../../adapters/discord/client';
import { readDiscordConfig } from '../../../adapters/discord/config';
import { FakeDiscord } from '../../fakes/discord/server';
import { createFakeQA } from '../../fakes/discord/fakeQA';
import { capturingLogger } from './harness';

let fake: FakeDiscord | undefined;
let bot: DiscordBot | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

describe.each([
  [4004, 'authentication failed: DISCORD_TOKEN was revoked or is wrong'],
  [4013, 'invalid intents'],
  [4014, 'disallowed intents'],
])('a gateway closed with %i', (code, why) => {
  it('stops Discord with one clear line and tells start-up', async () => {
    fake = await FakeDiscord.start();
    const logger = capturingLogger();
    const fatal: string[] = [];
    bot = await startDiscordBot({ qa: createFakeQA().qa, config: readDiscordConfig(fake.env())!, logger, onFatal: (reason) => void fatal.push(reason) });
    const connections = fake.gateway.connections;
    fake.closeGateway(code);
    await until(() => fatal.length > 0);
    expect(fatal).toEqual([expect.stringContaining(String(code))]);
    const lines = logger.entries.filter((e) => e.obj.code === 'discord_fatal');
    expect(lines).toHaveLength(1);
    expect(lines[0].level).toBe('error');
    expect(lines[0].msg).toContain(`Discord closed the connection for good (${code}, ${why}`);
    // No reconnect behind the log line's back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.gateway.connections).toBe(connections);
  });
});

describe('a gateway closed with a code it can recover from (4000)', () => {
  it('reconnects and does not tell start-up anything', async () => {
    fake = await FakeDiscord.start();
    const fatal: string[] = [];
    bot = await startDiscordBot({ qa: createFakeQA().qa, config: readDiscordConfig(fake.env())!, logger: capturingLogger(), onFatal: (reason) => void fatal.push(reason) });
    const connections = fake.gateway.connections;
    fake.closeGateway(4000);
    await until(() => fake!.gateway.connections > connections);
    expect(fake.gateway.connections).toBeGreaterThan(connections);
    expect(fatal).toEqual([]);
  });
});
