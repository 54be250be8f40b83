/**
 * The command-line row of `npm run bench` (issue 9): the bench's questions asked through
 * `network-qa ask --knowledge <the bench's folder> --json --batch`, latency read from the `ms` each reply reports.
 * That path adds what the in-process loop leaves out (related questions, follow-up checks, the log), so it is the one
 * a user's question takes; its p50 and p99 are compared with wink-bm25's whole answering path in the same run.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BenchError } from './squad';
import { percentile } from './score';
import { NODE_FLAGS } from './node-flags';

export interface CliLatency {
  /** Questions timed (after the warm-up ones). */
  questions: number;
  warmup: number;
  p50Ms: number;
  p99Ms: number;
}

/** Where the CLI runs. */
export interface CliRun {
  /** The project folder (the working directory). */
  root: string;
  knowledgeDir: string;
  /** Where the CLI keeps its saved index and log: a scratch folder, so the run never touches the user's. */
  dataDir: string;
  /** Node's arguments before `ask` (default: the bot's Node flags and bin/network-qa.js, which runs the built dist/). */
  command?: readonly string[];
}

/** Asks `warmup` untimed questions and then `questions` through one `network-qa ask --json --batch` process. */
export function measureCliLatency(run: CliRun, warmup: readonly string[], questions: readonly string[]): Promise<CliLatency> {
  const { root, knowledgeDir, dataDir } = run;
  const command = run.command ?? [...NODE_FLAGS, join(root, 'bin', 'network-qa.js')];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, 'ask', '--knowledge', knowledgeDir, '--json', '--batch'], {
      cwd: root,
      env: { ...process.env, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new BenchError('bench_cli', `network-qa ask --batch exited with ${code}: ${err.trim().split('\n')[0] ?? ''}`));
      let ms: unknown[];
      try {
        ms = out
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => (JSON.parse(line) as { ms?: unknown }).ms);
      } catch (error) {
        return reject(new BenchError('bench_cli', `network-qa ask --batch wrote a line that is not JSON: ${(error as Error).message}`));
      }
      if (ms.length !== warmup.length + questions.length || ms.some((m) => typeof m !== 'number')) {
        return reject(new BenchError('bench_cli', `network-qa ask --batch gave ${ms.length} replies with ms for ${warmup.length + questions.length} questions`));
      }
      const timed = (ms as number[]).slice(warmup.length);
      resolve({ questions: timed.length, warmup: warmup.length, p50Ms: percentile(timed, 50), p99Ms: percentile(timed, 99) });
    });
    // One JSON line per question: a question's own text never breaks the batch format.
    child.stdin.end([...warmup, ...questions].map((question, id) => JSON.stringify({ id, question })).join('\n') + '\n');
  });
}

/** One line for the report: the CLI's p50/p99 against wink-bm25's in-process ones, when it ran. */
export function formatCliLatency(cli: CliLatency, wink?: { p50: number; p99: number }): string {
  const against = wink ? ` (wink-bm25 in process: p50 ${(wink.p50 / 1000).toFixed(2)} ms, p99 ${(wink.p99 / 1000).toFixed(2)} ms; ${cli.p50Ms <= wink.p50 / 1000 && cli.p99Ms <= wink.p99 / 1000 ? 'no slower: met' : 'slower: missed'})` : '';
  return `Through network-qa ask --json --batch (${cli.questions} questions after ${cli.warmup} untimed): p50 ${cli.p50Ms.toFixed(2)} ms, p99 ${cli.p99Ms.toFixed(2)} ms${against}`;
}
