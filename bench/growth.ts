/**
 * `npm run bench -- --growth`: how the core grows with its knowledge (issue 12). For 1×, 10× and 50× a corpus
 * (SQuAD paragraphs as separate documents, and small generated documents) it measures build time, saved-index load
 * time, start-up to ready (a fresh process with a fresh saved index, to its first answer), reload time, the index's
 * memory, `ask()` p50/p99, and the p99 of questions asked every few milliseconds while a reload runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex, type SearchIndex } from '../src/search/build';
import { loadIndex, saveIndex } from '../src/search/store';
import { loadKnowledge } from '../src/knowledge/load';
import { createQA } from '../src/qa';
import { writeSmallDocuments, writeSquadParagraphs, type GrowthCorpus } from './growth-corpus';
import { projectRoot } from './run';
import { percentile } from './score';
import { NODE_FLAGS } from './node-flags';

const USAGE = `Usage: npm run bench -- --growth [options]

Measures build, saved-index load, start-up, reload, index memory and ask() latency at 1x, 10x and 50x
a corpus, and how each grows (an exponent of 1 is linear growth).

Options:
  --corpus LIST     squad, small or both (default: both)
  --scales LIST     comma-separated multiples of the base size (default: 1,10,50)
  --squad-base N    SQuAD paragraphs at 1x (default 40: 50x is 2,000 of the 2,067 dev paragraphs)
  --small-base N    generated documents at 1x (default 100: 50x is 5,000 documents)
  --data PATH       SQuAD v1.1-format JSON (default: ../shared/data/squad-dev-v1.1.json)
  --out FILE        JSON results (default: bench/out/growth.json)
  --help            show this help
`;

/** One row of the growth table. */
export interface GrowthRow {
  corpus: string;
  scale: number;
  documents: number;
  buildMs: number;
  loadMs: number;
  startupMs: number;
  reloadMs: number;
  indexMB: number;
  askP50Us: number;
  askP99Us: number;
  /** `ask()` in CPU time of this process: what answering costs, whatever else the machine is doing. */
  askCpuP50Us: number;
  askCpuP99Us: number;
  /** p99 latency of questions asked every {@link PROBE_INTERVAL_MS} ms during a reload, queueing included. */
  reloadAskP99Ms: number;
  /** The same with no reload running: what the machine itself adds (a busy machine delays timers too). */
  idleAskP99Ms: number;
}

/** How often a question is asked while a reload runs: a busy bot gets a question every few milliseconds. */
const PROBE_INTERVAL_MS = 5;
/** How long questions are asked with no reload running, for the *p99 idle* column. */
const IDLE_PROBE_MS = 2000;
/** Timed questions per row after a warm-up of 50: enough for a stable p99 (the 5th slowest of 500). */
const TIMED_QUESTIONS = 500;

const gc = (): void => (global as { gc?: () => void }).gc?.();
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const heapMB = (): number => process.memoryUsage().heapUsed / 2 ** 20;

async function measureRow(corpusName: string, scale: number, corpus: GrowthCorpus, work: string): Promise<GrowthRow> {
  gc();
  const heapBefore = heapMB();
  let started = process.hrtime.bigint();
  const knowledge = await loadKnowledge(corpus.dir);
  let index: SearchIndex | null = buildIndex(knowledge);
  const buildMs = ms(started);
  gc();
  const indexMB = heapMB() - heapBefore;
  const dataDir = join(work, `data-${corpusName}-${scale}`);
  saveIndex(index, join(dataDir, 'index.json'));
  index = null;
  gc();
  started = process.hrtime.bigint();
  const loaded = loadIndex(join(dataDir, 'index.json'), knowledge.fingerprint);
  const loadMs = ms(started);
  if (!loaded.index) throw new Error(`the saved index did not load: ${loaded.reason}`);

  const child = spawnSync(process.execPath, [...NODE_FLAGS, join(__dirname, 'growth-startup.js'), corpus.dir, dataDir, corpus.questions[0]], { encoding: 'utf8', timeout: 900_000 });
  if (child.status !== 0) throw new Error(`start-up run failed: ${child.stderr || child.error?.message}`);
  const startup = JSON.parse(child.stdout) as { readyMs: number; loadedFromDisk: boolean };
  if (!startup.loadedFromDisk) throw new Error('start-up rebuilt the index instead of loading the saved one');

  const qa = await createQA({ knowledgeDir: corpus.dir, dataDir, logQuestions: false });
  // Questions keep coming while the index is rebuilt; each latency counts from when it was due.
  let reloading = true;
  const probe = async (into: number[]): Promise<void> => {
    let due = performance.now();
    let i = 0;
    while (reloading) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      qa.ask(corpus.questions[i++ % corpus.questions.length]);
      into.push(performance.now() - due);
      due += PROBE_INTERVAL_MS;
      if (due < performance.now()) due = performance.now();
    }
  };
  const idle: number[] = [];
  const idleProbe = probe(idle);
  await new Promise((resolve) => setTimeout(resolve, IDLE_PROBE_MS));
  reloading = false;
  await idleProbe;
  reloading = true;
  const during: number[] = [];
  started = process.hrtime.bigint();
  const probing = probe(during);
  const result = await qa.reload();
  const reloadMs = ms(started);
  reloading = false;
  await probing;
  if (!result.ok) throw new Error(`reload failed: ${result.warnings[0]?.message}`);

  const latencies: number[] = [];
  const cpu: number[] = [];
  corpus.questions.slice(0, 50).forEach((q) => qa.ask(q));
  // The reload just above left the old index as garbage: collect it first, so ask() is timed in steady state (what
  // a reload costs answering is the "p99 during reload" column).
  gc();
  for (let i = 0; i < TIMED_QUESTIONS; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    qa.ask(corpus.questions[i % corpus.questions.length]);
    latencies.push(ms(t) * 1000);
    const used = process.cpuUsage(c);
    cpu.push(used.user + used.system);
  }
  await qa.close();
  return {
    corpus: corpusName,
    scale,
    documents: corpus.documents,
    buildMs,
    loadMs,
    startupMs: startup.readyMs,
    reloadMs,
    indexMB,
    askP50Us: percentile(latencies, 50),
    askP99Us: percentile(latencies, 99),
    askCpuP50Us: percentile(cpu, 50),
    askCpuP99Us: percentile(cpu, 99),
    reloadAskP99Ms: percentile(during, 99),
    idleAskP99Ms: percentile(idle, 99),
  };
}

const COLUMNS: [keyof GrowthRow, string, number][] = [
  ['buildMs', 'build ms', 0],
  ['loadMs', 'load ms', 0],
  ['startupMs', 'start-up ms', 0],
  ['reloadMs', 'reload ms', 0],
  ['indexMB', 'index MB', 1],
  ['askP50Us', 'ask p50 µs', 0],
  ['askP99Us', 'ask p99 µs', 0],
  ['askCpuP50Us', 'ask p50 CPU µs', 0],
  ['askCpuP99Us', 'ask p99 CPU µs', 0],
  ['reloadAskP99Ms', 'p99 during reload ms', 1],
  ['idleAskP99Ms', 'p99 idle ms', 1],
];

/** The growth exponent between two rows: 1 is linear, 2 quadratic (log of the ratio of costs over the ratio of sizes). */
export function growthExponent(small: number, large: number, sizeRatio: number): number {
  if (!(small > 0) || !(large > 0)) return NaN;
  return Math.log(large / small) / Math.log(sizeRatio);
}

/** The table as Markdown, with a line of growth exponents per corpus (between its two largest scales). */
export function formatGrowth(rows: readonly GrowthRow[]): string {
  const head = `| corpus | scale | documents | ${COLUMNS.map((c) => c[1]).join(' | ')} |`;
  const rule = `| --- | ---: | ---: | ${COLUMNS.map(() => '---:').join(' | ')} |`;
  const lines = [head, rule];
  for (const corpus of [...new Set(rows.map((r) => r.corpus))]) {
    const mine = rows.filter((r) => r.corpus === corpus);
    for (const r of mine) lines.push(`| ${r.corpus} | ${r.scale}× | ${r.documents.toLocaleString('en')} | ${COLUMNS.map(([k, , d]) => (r[k] as number).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d })).join(' | ')} |`);
    if (mine.length >= 2) {
      const [a, b] = mine.slice(-2);
      lines.push(`| ${corpus} | growth ${a.scale}×→${b.scale}× | exponent | ${COLUMNS.map(([k]) => growthExponent(a[k] as number, b[k] as number, b.documents / a.documents).toFixed(2)).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** Runs the growth benchmark; returns the exit code. */
export async function growthMain(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      corpus: { type: 'string', default: 'both' },
      scales: { type: 'string', default: '1,10,50' },
      'squad-base': { type: 'string', default: '40' },
      'small-base': { type: 'string', default: '100' },
      data: { type: 'string', default: join(projectRoot(), '..', 'shared', 'data', 'squad-dev-v1.1.json') },
      out: { type: 'string', default: join(projectRoot(), 'bench', 'out', 'growth.json') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (typeof global.gc !== 'function') {
    const child = spawnSync(process.execPath, ['--expose-gc', ...NODE_FLAGS, ...process.execArgv, join(__dirname, 'growth.js'), ...argv], { stdio: 'inherit' });
    return child.status ?? 1;
  }
  const scales = values.scales.split(',').map(Number);
  if (scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--scales must be positive integers, got "${values.scales}"`);
  const corpora = values.corpus === 'both' ? ['squad', 'small'] : [values.corpus];
  const rows: GrowthRow[] = [];
  const work = mkdtempSync(join(tmpdir(), 'network-qa-growth-'));
  try {
    for (const name of corpora) {
      for (const scale of scales) {
        const dir = join(work, `${name}-${scale}`);
        const corpus =
          name === 'squad' ? writeSquadParagraphs(dir, values.data, Number(values['squad-base']) * scale) : name === 'small' ? writeSmallDocuments(dir, Number(values['small-base']) * scale) : null;
        if (!corpus) throw new Error(`--corpus must be squad, small or both, got "${name}"`);
        process.stderr.write(`growth: ${name} ${scale}× (${corpus.documents} documents)…\n`);
        rows.push(await measureRow(name, scale, corpus, work));
        process.stderr.write(`${JSON.stringify(rows[rows.length - 1])}\n`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`\nGrowth, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores), Node ${process.version}, load ${loadavg()[0].toFixed(1)}\n\n${formatGrowth(rows)}\n`);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`, 'utf8');
  return 0;
}

if (require.main === module) {
  growthMain(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench --growth: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
