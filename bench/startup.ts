/**
 * Start-up row of `npm run bench`: time from running `npm start` (no Slack or Discord token: the terminal chat)
 * to its first prompt, over the bundled knowledge with a saved index, the way a newcomer starts the bot.
 * Target (issue 11): ≤ 600 ms on the project's machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './score';

/** Issue 11's target for `npm start` → prompt, in ms. */
export const STARTUP_TARGET_MS = 600;

export interface StartupResult {
  runs: number;
  medianMs: number;
  maxMs: number;
  targetMs: number;
  /** The machine's 1-minute load average when measured: on a shared machine, wall time grows with it. */
  loadAverage: number;
}

/** Runs `npm start` once and resolves with the ms until the prompt appeared. */
function timeOnce(root: string, dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start', '--silent'], {
      cwd: root,
      // Empty tokens: a .env in the folder cannot switch the run to Slack or Discord (dotenv keeps what is set).
      env: { ...process.env, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', KNOWLEDGE_DIR: join(root, 'knowledge'), DATA_DIR: dataDir, LOG_LEVEL: 'silent', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    let elapsed: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (elapsed === undefined && out.includes('you> ')) {
        elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (elapsed === undefined ? reject(new Error(`npm start exited (${code}) before its prompt; stdout:\n${out}`)) : resolve(elapsed)));
  });
}

/**
 * Measures `npm start` → prompt `runs` times after one untimed run (which saves the index and builds dist/ if stale).
 * @param root the project folder
 */
export async function measureStartup(root: string, runs = 5): Promise<StartupResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'network-qa-startup-'));
  try {
    await timeOnce(root, dataDir);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeOnce(root, dataDir));
    return { runs, medianMs: Math.round(percentile(times, 50)), maxMs: Math.round(Math.max(...times)), targetMs: STARTUP_TARGET_MS, loadAverage: Math.round(loadavg()[0]! * 10) / 10 };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The start-up row as printed under the benchmark table. */
export function formatStartup(result: StartupResult): string {
  const verdict = result.medianMs <= result.targetMs ? 'met' : 'missed';
  return `Start-up (npm start → prompt, terminal chat, bundled knowledge, saved index): median ${result.medianMs} ms, max ${result.maxMs} ms over ${result.runs} runs (load average ${result.loadAverage}); target ≤ ${result.targetMs} ms: ${verdict}`;
}

if (require.main === module) {
  measureStartup(join(__dirname, '..', '..')).then(
    (result) => process.stdout.write(`${formatStartup(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench startup: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
