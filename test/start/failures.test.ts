/**
 * Issue 12, finding 3, "alive but dead", as a supervisor sees `npm start` (a real process, run through the TypeScript
 * loader the other process tests use): an unusable DATA_DIR exits 1 with its message instead of hanging, and when a
 * fatal Discord close leaves no platform running the process exits 1.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_KNOWLEDGE, makeTempDir, removeDir } from '../core/helpers';
import { FakeDiscord } from '../fakes/discord/server';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'test', 'fixtures', 'questions', 'ts-register.js');
const START = join(ROOT, 'adapters', 'start.ts');

const children = new Set<ChildProcessWithoutNullStreams>();
let tmp: string;

beforeAll(() => {
  tmp = makeTempDir('network-qa-failures-');
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeDir(tmp);
});

/** Runs `npm start` with exactly `env` (plus PATH); resolves with its exit and output, or its output so far after `ms`. */
function run(env: Record<string, string>, ms: number, whenErr?: { text: string; then: () => void }): Promise<{ code: number | null; err: string; timedOut: boolean }> {
  const child = spawn(process.execPath, ['-r', REGISTER, START], { cwd: tmp, env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: BUNDLED_KNOWLEDGE, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  child.stdin.end();
  let err = '';
  let fired = false;
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString('utf8');
    if (whenErr && !fired && err.includes(whenErr.text)) {
      fired = true;
      whenErr.then();
    }
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, err, timedOut: true });
    }, ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, err, timedOut: false });
    });
  });
}

describe('npm start with an unusable DATA_DIR', () => {
  it('exits 1 with one line that names DATA_DIR and why, instead of hanging', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a folder');
    const result = await run({ DATA_DIR: join(file, 'data'), DISCORD_TOKEN: 'discord-token-abcdefghijklmnop', DISCORD_CLIENT_ID: '123456789012345678' }, 30_000);
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^network-qa: DATA_DIR .*a-file\/data cannot be used as the data folder \(ENOTDIR\)/);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm start when the only platform fails for good', () => {
  it('exits 1 after a fatal Discord close (4004), with the reason on stderr', async () => {
    const fake = await FakeDiscord.start();
    try {
      const env = fake.env({ DATA_DIR: join(tmp, 'discord-data') }) as Record<string, string>;
      const result = await run(env, 45_000, { text: 'discord_ready', then: () => setTimeout(() => fake.closeGateway(4004), 200) });
      expect(result.timedOut).toBe(false);
      expect(result.code).toBe(1);
      expect(result.err).toContain('Discord closed the connection for good (4004, authentication failed: DISCORD_TOKEN was revoked or is wrong)');
      expect(result.err).toContain('network-qa: no chat platform is left running');
      expect(result.err).not.toContain(env.DISCORD_TOKEN);
    } finally {
      await fake.close();
    }
  });
});
