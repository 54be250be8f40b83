import { parseArgs } from 'node:util';
import { loadEnv } from '../env';
import { readCoreConfig } from '../../src/config';
import { describeError, NetworkQaError } from '../../src/errors';
import { createLogger } from '../../src/log';
import { createQA } from '../../src/qa';
import { ASK_OPTIONS, ASK_USAGE, askCommand } from './ask';
import { CHAT_USAGE, chatCommand } from './chat';
import { IMPORT_USAGE, importCommand } from './importCommand';
import { INDEX_USAGE, indexCommand } from './indexCommand';
import { type CliIO, EXIT_FAILURE, EXIT_USAGE } from './io';
import { reportCommand } from './report';

export const USAGE = `Usage: network-qa <command> [options]

Answers questions about the EUROCITIES network from the documents in knowledge/.

Commands:
  ask [QUESTION…]   answer questions (--json, --batch for one per stdin line)
  chat              chat in the terminal
  index             validate the knowledge and rebuild the index (--check: validate only)
  import SOURCE…    import web pages, sitemaps, PDF, Word and HTML files into knowledge/ (--refresh)
  report            what people asked and what the bot could not answer

Run 'network-qa <command> --help' for a command's options.
`;

const CHAT_OPTIONS = { knowledge: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function usageError(io: CliIO, command: string, message: string, usage: string): number {
  io.stderr.write(`network-qa ${command}: ${message}\n\n${usage}`);
  return EXIT_USAGE;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  loadEnv(io.env);
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr).write(USAGE);
    return command ? 0 : EXIT_USAGE;
  }
  if (command === 'report') return reportCommand(rest, io);
  const usages: Record<string, string> = { ask: ASK_USAGE, chat: CHAT_USAGE, index: INDEX_USAGE, import: IMPORT_USAGE };
  const usage = Object.hasOwn(usages, command) ? usages[command] : undefined;
  if (!usage) return usageError(io, command, `unknown command '${command}'`, USAGE);
  try {
    if (command === 'index') return await indexCommand(rest, io);
    if (command === 'import') return await importCommand(rest, io);
    const { values, positionals } = parseArgs({ args: rest, options: command === 'ask' ? ASK_OPTIONS : CHAT_OPTIONS, allowPositionals: command === 'ask', strict: true });
    if (values.help) {
      io.stdout.write(usage);
      return 0;
    }
    const config = readCoreConfig(values.knowledge ? { ...io.env, KNOWLEDGE_DIR: values.knowledge } : io.env);
    const logger = createLogger(config.logLevel === 'info' && command === 'ask' ? 'warn' : config.logLevel);
    const qa = await createQA({
      knowledgeDir: config.knowledgeDir,
      dataDir: config.dataDir,
      logger,
      logQuestions: command === 'chat' && config.logQuestions,
      logRetentionDays: config.logRetentionDays,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      ...(config.contact ? { contact: config.contact } : {}),
    });
    try {
      return command === 'ask' ? await askCommand(values as { json?: boolean; batch?: boolean }, positionals, qa, io) : await chatCommand(qa, io);
    } finally {
      await qa.close();
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return usageError(io, command, (error as Error).message, usage);
    io.stderr.write(`network-qa ${command}: ${describeError(error)}\n`);
    return error instanceof NetworkQaError && error.code === 'cli_usage' ? EXIT_USAGE : EXIT_FAILURE;
  }
}
