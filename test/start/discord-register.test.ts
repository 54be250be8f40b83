/** `npm run discord:register` as a real process (adapters/discord/register.ts), against the fake Discord on 127.0.0.1. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir, removeDir } from '../core/helpers';
import { FakeDiscord } from '../fakes/discord/server';

const ROOT = join(__dirname, '..', '..');
const REGISTER_TS = join(ROOT, 'test', 'fixtures', 'questions', 'ts-register.js');
const SCRIPT = join(ROOT, 'adapters', 'discord', 'register.ts');

let fake: FakeDiscord;
let tmp: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  // No .env in the working directory: only the variables given below count.
  tmp = makeTempDir('network-qa-register-');
});

afterAll(async () => {
  await fake.close();
  removeDir(tmp);
});

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['-r', REGISTER_TS, SCRIPT], { cwd: tmp, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    }),
  );
}

describe('npm run discord:register', () => {
  it('registers /ask, /help and /kb in the server named by DISCORD_GUILD_ID and says so', async () => {
    const { code, out, err } = await run(fake.env());
    expect(code).toBe(0);
    expect(out).toBe(`Registered /ask, /help, /kb in server ${fake.guildId} (available now).\n`);
    const put = await fake.waitForRequest((r) => r.method === 'PUT', 1000);
    expect(put.path).toBe(`/api/v10/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect((put.body as Array<{ name: string }>).map((c) => c.name)).toEqual(['ask', 'help', 'kb']);
    expect(out + err).not.toContain(fake.token);
  }, 20_000);

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const { DISCORD_GUILD_ID: _guild, ...env } = fake.env();
    const { code, out } = await run(env);
    expect(code).toBe(0);
    expect(out).toMatch(/^Registered \/ask, \/help, \/kb globally/);
    await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${fake.appId}/commands`, 1000);
  }, 20_000);

  it('exits 1 naming DISCORD_TOKEN when it is not set', async () => {
    const { code, out, err } = await run({ DISCORD_CLIENT_ID: fake.appId });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^discord:register failed: DISCORD_TOKEN is not set/);
  }, 20_000);

  it('exits 1 naming DISCORD_TOKEN, without printing it, when Discord refuses it', async () => {
    const refused = 'refused-register-token-0123456789';
    const { code, out, err } = await run(fake.env({ DISCORD_TOKEN: refused }));
    expect(code).toBe(1);
    expect(err).toBe('discord:register failed: DISCORD_TOKEN was rejected by Discord (401 Unauthorized)\n');
    expect(out + err).not.toContain(refused);
  }, 20_000);
});
