/**
 * `npm run bench`: answers SQuAD questions with our core and two baselines, side by side (issue 3).
 *
 * Writes the articles as a knowledge folder in a temporary directory, builds, saves and loads each
 * system's index, asks every (sampled) question, and prints one table; the JSON goes to `--out`.
 * Then the SQuAD v2.0 table (bench/squad2-run.ts) over the held-out half of a v2 file's articles.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MiniSearchBaseline, WinkBaseline } from './baselines';
import { formatCliLatency, measureCliLatency } from './cli-latency';
import { benchConversion, formatConversion } from './convert';
import { OurSystem } from './ours';
import { answerRecall, byQuestionType, passageMatch, percentile, summary, type QuestionOutcome } from './score';
import { formatSquad2, runSquad2 } from './squad2-run';
import { BenchError, readSquad, sampleQuestions, writeKnowledge, type BenchCorpus, type BenchQuestion } from './squad';
import { formatStartup, measureStartup } from './startup';
import type { BenchSystem } from './system';
import { checkTargets, formatMarkdown, formatTable, formatTargets, formatTypeTable, writeResults, type BenchResults, type SystemResult } from './table';
import { NODE_FLAGS } from './node-flags';

/** Every system the harness knows, in table order. */
const SYSTEM_NAMES = ['ours', 'minisearch-default', 'wink-bm25', 'ours-never-abstain'] as const;
/** Run when --systems is not given; `ours-never-abstain` (threshold 0) shows what abstention costs on SQuAD. */
const DEFAULT_SYSTEMS = ['ours', 'minisearch-default', 'wink-bm25'] as const;

/** Half A of the SQuAD v2.0 dev set (18 articles), beside the project folder like the v1 file. */
const DEFAULT_SQUAD2 = '../shared/data/squad-dev-v2.0-a.json';

const USAGE = `Usage: npm run bench -- [options]

Answers SQuAD v1.1 questions with our core and two baselines (MiniSearch defaults,
wink-bm25-text-search) and prints passage accuracy, answer recall, reply length,
no_answer share, index build/load time, index memory and ask() latency. Then a SQuAD v2.0
table (answerable and unanswerable questions, scored on held-out articles): ours, wink-bm25
with a score threshold tuned on the other articles, and never answering.

Options:
  --data PATH       SQuAD v1.1-format JSON (default: ../shared/data/squad-dev-v1.1.json
                    beside the project folder; a relative PATH is taken from the current folder)
  --limit N         ask only N questions, sampled with --seed (for SQuAD v2, N per split)
  --seed S          sampling seed, an integer (default 1 when --limit is given)
  --systems LIST    comma-separated subset of: ${SYSTEM_NAMES.join(', ')} (default: ${DEFAULT_SYSTEMS.join(', ')})
  --warmup N        untimed warm-up questions per system (default 300)
  --repeat N        build and load each index N times and report the medians (default 1)
  --details FILE    also write every question's outcome per system as JSON lines, to study misses
  --out FILE        where to write the JSON results (default: bench/out/results.json)
  --markdown        also print the table as Markdown, for the README
  --squad2 PATH     SQuAD v2.0-format JSON for the answerable/unanswerable table, scored on its odd-position
                    articles (default: ../shared/data/squad-dev-v2.0-a.json beside the project folder)
  --no-squad2       skip the SQuAD v2.0 table
  --squad2-only     run only the SQuAD v2.0 table (no v1 table, conversion or start-up)
  --growth          run the growth benchmark instead (npm run bench -- --growth --help)
  --help            show this help
`;

/** The benchmark's options after validation. */
export interface BenchOptions {
  data: string;
  limit?: number;
  seed?: number;
  systems: string[];
  warmup: number;
  repeat: number;
  details?: string;
  out: string;
  markdown: boolean;
  /** SQuAD v2.0 file, or null with --no-squad2. */
  squad2: string | null;
  squad2Only: boolean;
  help: boolean;
}

/** The project folder: the nearest folder above this file holding a package.json. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new BenchError('bench_usage', `--${name} must be an integer >= ${min}, got "${value}"`);
  }
  return Number(value);
}

/**
 * Parses the command line (strict: unknown options are errors).
 * @throws BenchError `bench_usage` naming the option
 */
export function parseOptions(argv: string[], root = projectRoot(), cwd = process.cwd()): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        limit: { type: 'string' },
        seed: { type: 'string' },
        systems: { type: 'string' },
        warmup: { type: 'string' },
        repeat: { type: 'string' },
        details: { type: 'string' },
        out: { type: 'string' },
        markdown: { type: 'boolean', default: false },
        squad2: { type: 'string' },
        'no-squad2': { type: 'boolean', default: false },
        'squad2-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new BenchError('bench_usage', (error as Error).message, { cause: error });
  }
  const systems = values.systems === undefined ? [...DEFAULT_SYSTEMS] : values.systems.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = systems.filter((s) => !(SYSTEM_NAMES as readonly string[]).includes(s));
  if (unknown.length > 0 || systems.length === 0) {
    throw new BenchError('bench_usage', `--systems: unknown system "${unknown.join(', ')}"; choose from ${SYSTEM_NAMES.join(', ')}`);
  }
  if (values['no-squad2'] && (values.squad2 !== undefined || values['squad2-only'])) {
    throw new BenchError('bench_usage', '--no-squad2 cannot go with --squad2 or --squad2-only');
  }
  const limit = integer('limit', values.limit, 1);
  const seed = integer('seed', values.seed, 0);
  return {
    data: values.data === undefined ? resolve(root, '../shared/data/squad-dev-v1.1.json') : resolve(cwd, values.data),
    limit,
    seed: seed ?? (limit === undefined ? undefined : 1),
    systems,
    warmup: integer('warmup', values.warmup, 0) ?? 300,
    repeat: integer('repeat', values.repeat, 1) ?? 1,
    ...(values.details === undefined ? {} : { details: resolve(cwd, values.details) }),
    out: values.out === undefined ? join(root, 'bench/out/results.json') : resolve(cwd, values.out),
    markdown: values.markdown,
    squad2: values['no-squad2'] ? null : values.squad2 === undefined ? resolve(root, DEFAULT_SQUAD2) : resolve(cwd, values.squad2),
    squad2Only: values['squad2-only'],
    help: values.help,
  };
}

const progress = (line: string): void => {
  process.stderr.write(line + '\n');
};

/** Heap plus array buffers in use after a full garbage collection (needs `--expose-gc`). */
function memoryAfterGc(): number {
  for (let i = 0; i < 2; i++) global.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** Words in reverse order: warms up the same code paths without asking (and caching) the measured questions. */
export function warmupQuestion(question: string): string {
  return question.split(/\s+/).reverse().join(' ');
}

/** One question's outcome for one system, as written by `--details`. */
export interface QuestionDetail {
  system: string;
  id: string;
  question: string;
  answers: string[];
  expected: string;
  passageId: string | null;
  passageOk: boolean;
  recalled: boolean;
  noAnswer: boolean;
  reply: string;
  latencyUs: number;
}

interface MeasureOptions {
  work: string;
  warmup: number;
  repeat: number;
  details?: QuestionDetail[];
}

const median = (values: number[]): number => percentile(values, 50);

/** Builds, saves, loads and asks one system; the loaded index answers. */
async function measure(system: BenchSystem, corpus: BenchCorpus, questions: readonly BenchQuestion[], options: MeasureOptions): Promise<SystemResult> {
  let start = process.hrtime.bigint();
  await system.prepare?.(corpus);
  const prepareMs = msSince(start);

  const builds: number[] = [];
  let indexHeapBytes = 0;
  for (let i = 0; i < options.repeat; i++) {
    const before = memoryAfterGc();
    start = process.hrtime.bigint();
    await system.build(corpus);
    builds.push(msSince(start));
    // Only the first build starts without an index held: later ones replace one of about the same size.
    if (i === 0) indexHeapBytes = memoryAfterGc() - before;
  }
  const buildMs = median(builds);
  progress(`[${system.name}] built in ${buildMs.toFixed(0)} ms, index ${(indexHeapBytes / 1048576).toFixed(1)} MB`);

  const file = join(options.work, `${system.name}.index.json`);
  await system.save(file);
  const indexFileBytes = statSync(file).size;
  const loads: number[] = [];
  for (let i = 0; i < options.repeat; i++) {
    memoryAfterGc();
    start = process.hrtime.bigint();
    await system.load(file);
    loads.push(msSince(start));
  }
  const loadMs = median(loads);
  progress(`[${system.name}] loaded the saved index (${(indexFileBytes / 1048576).toFixed(1)} MB) in ${loadMs.toFixed(0)} ms`);

  for (const q of questions.slice(0, options.warmup)) system.ask(warmupQuestion(q.question));
  memoryAfterGc();

  const outcomes: QuestionOutcome[] = [];
  const step = Math.max(1, Math.ceil(questions.length / 10));
  for (const [i, q] of questions.entries()) {
    const t = process.hrtime.bigint();
    const r = system.ask(q.question);
    const latencyUs = Number(process.hrtime.bigint() - t) / 1e3;
    outcomes.push({ ...r, expectedPassageId: q.passageId, answers: q.answers, latencyUs });
    options.details?.push({
      system: system.name,
      id: q.id,
      question: q.question,
      answers: q.answers,
      expected: q.passageId,
      passageId: r.passageId,
      passageOk: passageMatch(r.passageId, q.passageId),
      recalled: answerRecall(r.reply, q.answers),
      noAnswer: r.noAnswer,
      reply: r.reply,
      latencyUs,
    });
    if ((i + 1) % step === 0 || i + 1 === questions.length) {
      progress(`[${system.name}] ${Math.round(((i + 1) / questions.length) * 100)}% (${i + 1}/${questions.length})`);
    }
  }
  const byType = byQuestionType(outcomes, questions.map((q) => q.question));
  return { name: system.name, ...summary(outcomes), prepareMs, buildMs, loadMs, indexHeapBytes, indexFileBytes, byType };
}

function makeSystem(name: string): BenchSystem {
  switch (name) {
    case 'minisearch-default':
      return new MiniSearchBaseline();
    case 'wink-bm25':
      return new WinkBaseline();
    case 'ours-never-abstain':
      return new OurSystem({ threshold: 0, name: 'ours-never-abstain' });
    default:
      return new OurSystem();
  }
}

/** The machine the run is on; `busy` is the load average before the run, the second figure the one now. */
function machine(busy: number): BenchResults['machine'] {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: [busy, loadavg()[0]],
  };
}

/** Runs the benchmark; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  // The growth table (issue 12) is its own benchmark, in bench/growth.ts.
  if (argv.includes('--growth')) return (await import('./growth')).growthMain(argv.filter((a) => a !== '--growth'));
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (typeof global.gc !== 'function') {
    // Index memory is measured between full collections, which needs --expose-gc: run again with it.
    const child = spawnSync(process.execPath, ['--expose-gc', ...NODE_FLAGS, ...process.execArgv, __filename, ...argv], { stdio: 'inherit' });
    return child.status ?? 1;
  }

  const busy = loadavg()[0];
  if (busy > cpus().length / 2) {
    progress(`warning: load average ${busy.toFixed(1)} on ${cpus().length} cores: other work will inflate the timings`);
  }
  const squad2Options = (work: string) => ({ file: options.squad2 ?? '', limit: options.limit, seed: options.seed, systems: options.systems, work });
  if (options.squad2Only && options.squad2 !== null) {
    const work = mkdtempSync(join(tmpdir(), 'network-qa-bench-'));
    try {
      const squad2 = await runSquad2(squad2Options(work), progress);
      process.stdout.write('\n' + formatSquad2(squad2) + '\n');
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, JSON.stringify({ date: new Date().toISOString(), machine: machine(busy), squad2 }, null, 2) + '\n', 'utf8');
      progress(`\nresults written to ${options.out}`);
      return 0;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  progress(`reading ${options.data}`);
  const articles = readSquad(options.data);
  const work = mkdtempSync(join(tmpdir(), 'network-qa-bench-'));
  try {
    const corpus = writeKnowledge(articles, join(work, 'knowledge'));
    const questions = sampleQuestions(corpus.questions, options.limit, options.seed);
    progress(`wrote ${corpus.files.length} documents, ${corpus.passages.length} passages to ${corpus.dir}; asking ${questions.length} questions`);

    const results: SystemResult[] = [];
    const details: QuestionDetail[] | undefined = options.details === undefined ? undefined : [];
    for (const name of options.systems) {
      const system = makeSystem(name);
      results.push(await measure(system, corpus, questions, { work, warmup: Math.min(options.warmup, questions.length), repeat: options.repeat, details }));
      if (system instanceof OurSystem) for (const note of system.notes) progress(`[${name}] note: ${note}`);
    }

    let cli: BenchResults['cli'];
    if (options.systems.includes('ours')) {
      progress('asking the same questions through network-qa ask --json --batch…');
      // Every question once, reversed, untimed: the CLI's answering thread never built an index (the index is built in a
      // worker or loaded), so its compiler has not yet seen the text analysis that an in-process build warms; after the
      // usual 300 its first 3,000 answers still ran at 0.45 ms p50 against 0.28 ms later (measured 2026-12-02).
      const warmup = questions.map((q) => warmupQuestion(q.question));
      cli = await measureCliLatency({ root: projectRoot(), knowledgeDir: corpus.dir, dataDir: join(work, 'cli-data') }, warmup, questions.map((q) => q.question));
    }
    const squad2 = options.squad2 === null ? undefined : await runSquad2(squad2Options(work), progress);
    const out: BenchResults = {
      date: new Date().toISOString(),
      machine: machine(busy),
      data: options.data,
      articles: articles.length,
      passages: corpus.passages.length,
      questions: questions.length,
      limit: options.limit ?? null,
      seed: options.seed ?? null,
      systems: results,
      targets: checkTargets(results),
      ...(squad2 === undefined ? {} : { squad2 }),
      ...(cli === undefined ? {} : { cli }),
    };
    process.stdout.write(`\n${out.questions} questions over ${out.passages} passages, ${out.date.slice(0, 10)}, ${out.machine.cpu} (${out.machine.cores} cores), Node ${out.machine.node}\n\n`);
    process.stdout.write(formatTable(results) + '\n');
    process.stdout.write('\nBy question type: answer recall (passage accuracy)\n' + formatTypeTable(results) + '\n');
    if (out.targets.length > 0) process.stdout.write('\nTargets (issue 3):\n' + formatTargets(out.targets) + '\n');
    if (cli !== undefined) process.stdout.write('\n' + formatCliLatency(cli, results.find((r) => r.name === 'wink-bm25')?.latencyUs) + '\n');
    if (options.markdown) process.stdout.write('\n' + formatMarkdown(results) + '\n');
    if (squad2 !== undefined) process.stdout.write('\n' + formatSquad2(squad2) + '\n');
    process.stdout.write('\n' + formatConversion(await benchConversion(articles)) + '\n');
    progress('\nmeasuring start-up (npm start → prompt)…');
    const startup = await measureStartup(projectRoot());
    process.stdout.write(`\n${formatStartup(startup)}\n`);
    writeResults(options.out, Object.assign(out, { startup }));
    progress(`\nresults written to ${options.out}`);
    if (options.details !== undefined && details !== undefined) {
      mkdirSync(dirname(options.details), { recursive: true });
      writeFileSync(options.details, details.map((d) => JSON.stringify(d)).join('\n') + '\n', 'utf8');
      progress(`per-question outcomes written to ${options.details}`);
    }
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const usage = error instanceof BenchError && error.code === 'bench_usage';
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${usage ? 'Try --help.\n' : ''}`);
      process.exitCode = usage ? 2 : 1;
    },
  );
}
