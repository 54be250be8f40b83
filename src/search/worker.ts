/**
 * Builds or reads an index in a worker thread (`node:worker_threads`), so the thread that answers questions never
 * waits for loading, parsing and indexing the knowledge: it only reassembles the result, piece by piece
 * (`reviveTransfer`), and swaps it in.
 *
 * The worker runs the compiled `build-worker.js` beside this file. When this file is itself TypeScript (tests, or a
 * TypeScript loader), the worker first registers the same TypeScript-to-CommonJS transpilation for `.ts` files, so it
 * always runs the sources that the rest of the process runs, never a stale build.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SkippedEntry } from '../knowledge/load';
import type { KnowledgeWarning } from '../types';
import type { SearchIndex } from './build';
import { reviveTransfer, type IndexTransfer } from './store';

/** What a worker is asked to do. */
export type WorkerTask =
  /** Load and index a knowledge folder; save the index to `saveTo` when given (and the knowledge had no warning). */
  | { kind: 'build'; knowledgeDir: string; saveTo?: string }
  /** Read a saved index, if it is fresh for the knowledge and not the one built at `unlessBuiltAt`. */
  | { kind: 'load'; file: string; knowledgeDir: string; unlessBuiltAt?: string };

/** What a worker answers. */
export type WorkerReply =
  | { kind: 'index'; transfer: IndexTransfer; saveError?: string; skipped?: SkippedEntry[] }
  /** The knowledge has warnings (or no document): no index was built. */
  | { kind: 'rejected'; warnings: KnowledgeWarning[]; documents: number; skipped: SkippedEntry[] }
  /** A saved index that cannot be used, and why. */
  | { kind: 'unusable'; reason: string }
  | { kind: 'failed'; message: string };

/** A worker's answer with its index reassembled on this thread. */
export type OffThreadResult =
  | { kind: 'index'; index: SearchIndex; saveError?: string; skipped?: SkippedEntry[] }
  | Exclude<WorkerReply, { kind: 'index' }>;

// Transpiled modules are cached by content hash in the temp folder: every reload starts a fresh worker, and
// transpiling the whole core each time would take seconds.
const TS_LOADER = `
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { workerData } = require('node:worker_threads');
let ts;
const cacheDir = path.join(require('node:os').tmpdir(), 'network-qa-ts-cache');
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, crypto.createHash('sha256').update(filename).update(source).digest('hex') + '.js');
  let outputText;
  try {
    outputText = fs.readFileSync(cached, 'utf8');
  } catch {
    ts ??= require(workerData.typescript);
    outputText = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename,
    }).outputText;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const temp = cached + '.' + process.pid + '.' + crypto.randomBytes(4).toString('hex');
      fs.writeFileSync(temp, outputText);
      fs.renameSync(temp, cached);
    } catch {}
  }
  module._compile(outputText, filename);
};
require(workerData.entry);
`;

function startWorker(): Worker {
  if (__filename.endsWith('.js')) return new Worker(join(__dirname, 'build-worker.js'));
  return new Worker(TS_LOADER, { eval: true, workerData: { entry: join(__dirname, 'build-worker.ts'), typescript: require.resolve('typescript') } });
}

/**
 * How long an idle worker is kept: starting one loads the whole core (about two seconds), which a reload soon after
 * another (an editor saving file by file, `/kb reindex` after an edit) should not pay again.
 */
const IDLE_MS = 60_000;

/** The process's one index worker: started on first use, stopped after {@link IDLE_MS} without work. */
class IndexWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, (reply: WorkerReply) => void>();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;

  run(task: WorkerTask, signal?: AbortSignal): Promise<WorkerReply> {
    if (signal?.aborted) return Promise.resolve({ kind: 'failed', message: 'stopped' });
    const worker = this.ensure();
    const id = this.nextId++;
    clearTimeout(this.idle);
    return new Promise((resolve) => {
      const settle = (reply: WorkerReply): void => {
        if (!this.pending.delete(id)) return;
        signal?.removeEventListener('abort', abort);
        if (!this.pending.size) this.idle = setTimeout(() => this.stop(), IDLE_MS).unref();
        resolve(reply);
      };
      const abort = (): void => settle({ kind: 'failed', message: 'stopped' });
      signal?.addEventListener('abort', abort, { once: true });
      this.pending.set(id, settle);
      worker.postMessage({ id, task });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    // Never keeps the process alive: a bot is kept alive by its connections, a command ends when it is done.
    worker.unref();
    worker.on('message', ({ id, reply }: { id: number; reply: WorkerReply }) => this.pending.get(id)?.(reply));
    const fail = (message: string): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const settle of [...this.pending.values()]) settle({ kind: 'failed', message });
    };
    worker.on('error', (error) => fail(`the index worker failed: ${error.message}`));
    worker.on('exit', (code) => fail(`the index worker stopped (exit code ${code}) before it answered`));
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }
}

const shared = new IndexWorker();

/** Runs one task in the process's index worker thread and resolves with its reply; `signal` stops waiting for it. */
export function runInWorker(task: WorkerTask, signal?: AbortSignal): Promise<WorkerReply> {
  return shared.run(task, signal);
}

/**
 * Runs a task in a worker and reassembles its index on this thread without holding it up for long.
 * @example
 * const result = await offThread({ kind: 'build', knowledgeDir: 'knowledge' });
 * if (result.kind === 'index') serve(result.index);
 */
export async function offThread(task: WorkerTask, signal?: AbortSignal): Promise<OffThreadResult> {
  const reply = await runInWorker(task, signal);
  if (reply.kind !== 'index') return reply;
  try {
    const { transfer, ...rest } = reply;
    return { ...rest, index: await reviveTransfer(transfer) };
  } catch (error) {
    return { kind: 'unusable', reason: `the index from the worker is damaged: ${(error as Error).message}` };
  }
}
