/** `network-qa report`: what people asked and what the bot could not answer, from the question log. */
import { parseArgs } from 'node:util';
import { describeError } from '../../src/errors';
import { questionLogSettingsFromEnv } from '../../src/questions/config';
import { openQuestionLog } from '../../src/questions/log';
import { formatReport } from '../../src/questions/report';
import { databaseUrlFromEnv, openStore, storeFilesExist } from '../../src/store';
import { jsonTerminalSafe, terminalSafe } from '../../src/text/terminal-safe';
// Exit codes: 0 done, 1 the log or configuration could not be read, 2 bad command line.
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';

export const REPORT_USAGE = `Usage: network-qa report [--since 7d] [--json] [--data-dir DIR]

What people asked and what the bot could not answer, from the store: DATABASE_URL
(PostgreSQL) when set, else DATA_DIR/network-qa.db (a question log of an earlier
version, DATA_DIR/questions.jsonl, is imported into it first).

Options:
  --since WHEN     how far back: 7d (days), 12h (hours), or a date such as 2024-05-01 (default: 7d)
  --json           print the report as JSON
  --data-dir DIR   the data folder (default: $DATA_DIR, else .network-qa)
  -h, --help       show this help
`;

/** Streams and environment the command runs with (tests pass their own). */
export interface ReportIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** The clock. @defaultValue () => new Date() */
  now?: () => Date;
}

class UsageError extends Error {}

const UNITS_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000 };

/**
 * Parses `--since`: `Nd` (days), `Nh` (hours) or an ISO 8601 date or date-time, not in the future.
 * @throws UsageError naming the flag when malformed
 */
export function parseSince(value: string, now: Date): Date {
  const trimmed = value.trim();
  const relative = /^(\d+)\s*([dh])$/i.exec(trimmed);
  if (relative) {
    const amount = Number(relative[1]);
    if (amount < 1) throw new UsageError(`--since must be at least 1${relative[2]!.toLowerCase()}, got '${value}'`);
    return new Date(now.getTime() - amount * UNITS_MS[relative[2]!.toLowerCase()]!);
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) {
    const date = new Date(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed.replace(' ', 'T'));
    // Date rolls 2024-02-31 over into March; a maintainer who typed it meant something else.
    const [year, month, day] = trimmed.slice(0, 10).split('-').map(Number);
    const calendar = new Date(Date.UTC(year!, month! - 1, day!));
    const real = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month! - 1 && calendar.getUTCDate() === day;
    if (Number.isNaN(date.getTime()) || !real) throw new UsageError(`--since has an impossible date: '${value}'`);
    if (date.getTime() > now.getTime()) throw new UsageError(`--since is in the future: '${value}'`);
    return date;
  }
  throw new UsageError(`--since expects a duration such as 7d or 12h, or a date such as 2024-05-01; got '${value}'`);
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        since: { type: 'string', default: '7d' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const quoted = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option '${quoted}'`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument '${quoted}'`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = quoted.split(' ')[0];
      throw new UsageError(/does not take/.test((error as Error).message) ? `${flag} does not take a value` : `${flag} needs a value`);
    }
    throw new UsageError(describeError(error));
  }
}

/**
 * Runs `network-qa report` (the arguments after `report`).
 * @returns the exit code
 * @example await reportCommand(['--since', '30d', '--json'], { stdout: process.stdout, stderr: process.stderr, env: process.env })
 */
export async function reportCommand(argv: string[], io: ReportIO): Promise<number> {
  const now = (io.now ?? (() => new Date()))();
  let values: ReturnType<typeof parse>;
  let since: Date;
  try {
    values = parse(argv);
    if (values.help) {
      io.stdout.write(REPORT_USAGE);
      return EXIT_OK;
    }
    since = parseSince(values.since, now);
    if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') throw new UsageError('--data-dir needs a folder');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`network-qa report: ${error.message}\nRun 'network-qa report --help' for usage.\n`);
    return EXIT_USAGE;
  }

  try {
    const settings = questionLogSettingsFromEnv(io.env);
    const databaseUrl = databaseUrlFromEnv(io.env);
    const dataDir = values['data-dir'] ?? settings.dataDir;
    if (!settings.enabled) io.stderr.write('Note: LOG_QUESTIONS is off, so no new questions are being recorded.\n');
    let report;
    if (!databaseUrl && !storeFilesExist(dataDir)) {
      // Nothing recorded yet: say so, and create nothing.
      io.stderr.write(`Note: no question log in ${dataDir} yet.\n`);
      const empty = await openQuestionLog({ store: null, enabled: false, now: () => now });
      report = await empty.report(since);
    } else {
      // The bot may be writing to the same store right now: both engines let it (WAL mode, or PostgreSQL).
      const store = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
      try {
        const log = await openQuestionLog({ store, enabled: true, prune: false, retentionDays: settings.retentionDays, now: () => now });
        report = await log.report(since);
      } finally {
        await store.close();
      }
    }
    // Logged questions come from anyone in Slack or Discord: nothing in them may drive the terminal (issue 12).
    io.stdout.write(values.json ? `${jsonTerminalSafe(JSON.stringify(report, null, 2))}\n` : terminalSafe(formatReport(report)));
    return EXIT_OK;
  } catch (error) {
    io.stderr.write(`network-qa report: ${describeError(error)}\n`);
    return EXIT_FAILURE;
  }
}
