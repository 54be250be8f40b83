import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readCoreConfig } from '../../src/config';
import { DEFAULT_FETCH_SETTINGS } from '../../src/import/fetcher';
import type { ImportOutcome, OutcomeStatus } from '../../src/import/importer';
import { type CliIO, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';

export const IMPORT_USAGE = `Usage: network-qa import SOURCE… [--knowledge DIR] [--crawl] [--max-pages N] [--dry-run]
       network-qa import --refresh [--prune] [--knowledge DIR] [--dry-run]

Imports web pages, sitemaps, PDF, Word and HTML files into the knowledge folder, under imported/,
for maintainers to review and commit. A running bot picks them up by itself.

SOURCE is the URL of a page, the URL of a sitemap.xml (or sitemap index), or a local file or folder.
Pages become Markdown with front matter in imported/<host>/; PDF and Word files are kept as they are
in imported/files/, with a sidecar NAME.pdf.yml for their metadata.

Options:
  --knowledge DIR    the knowledge folder (default: $KNOWLEDGE_DIR, else ./knowledge)
  --crawl            also follow links on the same host, under the same path (breadth first)
  --max-pages N      at most N pages and files fetched per source (default 50)
  --dry-run          show what would be written; write nothing
  --refresh          fetch every imported URL again (If-None-Match / If-Modified-Since), rewrite what changed,
                     and list pages that are gone (404/410)
  --prune            with --refresh: delete the pages that are gone
  --delay SECONDS    pause between two requests to one host (default ${DEFAULT_FETCH_SETTINGS.delayMs / 1000})
  --timeout SECONDS  give up on a server that has not answered by then (default ${DEFAULT_FETCH_SETTINGS.timeoutMs / 1000})
  --max-size MB      refuse larger responses (default ${DEFAULT_FETCH_SETTINGS.maxBytes / 1024 / 1024})
  -h, --help         show this help

It honours robots.txt, sends the User-Agent "${DEFAULT_FETCH_SETTINGS.userAgent}",
follows at most ${DEFAULT_FETCH_SETTINGS.maxRedirects} redirects and never follows links to other hosts, mailto: or non-HTTP schemes.
Exit codes: 0 every source handled, 1 something failed, 2 bad command line.
`;

const OPTIONS = {
  knowledge: { type: 'string' },
  crawl: { type: 'boolean' },
  'max-pages': { type: 'string' },
  'dry-run': { type: 'boolean' },
  refresh: { type: 'boolean' },
  prune: { type: 'boolean' },
  delay: { type: 'string' },
  timeout: { type: 'string' },
  'max-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function number(value: string | undefined, flag: string, { min, integer }: { min: number; integer?: boolean }): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}, got '${value}'`);
  }
  return n;
}

const VERBS: Record<OutcomeStatus, string> = {
  imported: 'imported',
  updated: 'updated',
  unchanged: 'unchanged',
  skipped: 'skipped',
  failed: 'failed',
  gone: 'gone',
  pruned: 'pruned',
};

function outcomeLine(o: ImportOutcome, knowledgeDir: string, dryRun: boolean): string {
  const verb = dryRun && (o.status === 'imported' || o.status === 'updated' || o.status === 'pruned') ? `would be ${VERBS[o.status]}` : VERBS[o.status];
  const absolute = o.file ? resolve(knowledgeDir, o.file) : '';
  const shown = relative(process.cwd(), absolute);
  const where = o.file ? ` → ${shown.startsWith('..') ? absolute : shown}` : '';
  return `${verb.padEnd(10)} ${o.source}${where}${o.reason ? `: ${o.reason}` : ''}\n`;
}

/** "3 imported, 1 skipped by robots.txt, 2 failed": counts that are not zero. */
export function countsLine(outcomes: ImportOutcome[]): string {
  const count = (test: (o: ImportOutcome) => boolean) => outcomes.filter(test).length;
  const parts: [number, string][] = [
    [count((o) => o.status === 'imported'), 'imported'],
    [count((o) => o.status === 'updated'), 'updated'],
    [count((o) => o.status === 'unchanged'), 'unchanged'],
    [count((o) => o.status === 'skipped' && !!o.robots), 'skipped by robots.txt'],
    [count((o) => o.status === 'skipped' && !o.robots), 'skipped'],
    [count((o) => o.status === 'failed'), 'failed'],
    [count((o) => o.status === 'gone'), 'gone'],
    [count((o) => o.status === 'pruned'), 'pruned'],
  ];
  const shown = parts.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
  return shown.length ? shown.join(', ') : 'nothing to do';
}

/** `network-qa import`: pages, sitemaps and files into the knowledge folder; `--refresh` fetches them again. */
export async function importCommand(argv: string[], io: CliIO): Promise<number> {
  let values;
  let sources: string[];
  let fetch;
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    values = parsed.values;
    sources = parsed.positionals;
    if (values.help) {
      io.stdout.write(IMPORT_USAGE);
      return EXIT_OK;
    }
    if (values.refresh && sources.length) throw new UsageError('--refresh fetches what was imported before; give no SOURCE with it');
    if (!values.refresh && !sources.length) throw new UsageError('give at least one SOURCE (a URL, a sitemap URL, or a local file or folder), or --refresh');
    if (values.prune && !values.refresh) throw new UsageError('--prune works only with --refresh');
    for (const source of sources) {
      if (/^[a-z][a-z0-9+.-]+:/i.test(source) && !/^https?:\/\/[^/]/i.test(source)) throw new UsageError(`'${source}' is not an http(s) URL, a sitemap URL, or a local file or folder`);
    }
    const delay = number(values.delay, '--delay', { min: 0 });
    const timeout = number(values.timeout, '--timeout', { min: 0.001 });
    const maxSize = number(values['max-size'], '--max-size', { min: 0.001 });
    fetch = {
      ...(delay !== undefined ? { delayMs: delay * 1000 } : {}),
      ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
      ...(maxSize !== undefined ? { maxBytes: Math.round(maxSize * 1024 * 1024) } : {}),
    };
    number(values['max-pages'], '--max-pages', { min: 1, integer: true });
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!usage) throw error;
    io.stderr.write(`network-qa import: ${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return EXIT_USAGE;
  }
  const config = readCoreConfig(values.knowledge ? { ...io.env, KNOWLEDGE_DIR: values.knowledge } : io.env);
  const dryRun = !!values['dry-run'];
  const options = {
    knowledgeDir: config.knowledgeDir,
    crawl: !!values.crawl,
    maxPages: values['max-pages'] ? Number(values['max-pages']) : 50,
    dryRun,
    fetch,
    onOutcome: (o: ImportOutcome) => io.stdout.write(outcomeLine(o, config.knowledgeDir, dryRun)),
  };
  const onSource = values.refresh ? undefined : (source: string, outcomes: ImportOutcome[]) => io.stdout.write(`── ${source}: ${countsLine(outcomes)}\n`);
  // Loaded here, not at start: the converters' libraries are only needed to import.
  const { importSources, refreshImports } = await import('../../src/import/importer');
  const report = values.refresh ? await refreshImports({ ...options, prune: !!values.prune }) : await importSources(sources, options, onSource);
  io.stdout.write(`Summary: ${countsLine(report.outcomes)}${dryRun ? ' (dry run: nothing written)' : ''}\n`);
  const failed = report.outcomes.filter((o) => o.status === 'failed');
  for (const o of failed) io.stderr.write(`failed: ${o.source}: ${o.reason}\n`);
  return failed.length ? EXIT_FAILURE : EXIT_OK;
}
