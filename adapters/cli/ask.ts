import type { QA } from '../../src/qa';
import { jsonTerminalSafe, terminalSafe } from '../../src/text/terminal-safe';
import { answerJson, formatAnswerText } from './render';
import { type CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { readLines } from './lines';

/**
 * Longest batch line read. A question is read up to 1,000 characters (MAX_QUESTION_CHARS); 64 KiB leaves room for
 * JSON escapes (up to 6 bytes a character), an id and other fields, and keeps a hostile line from filling memory.
 */
export const MAX_LINE_BYTES = 64 * 1024;

export const ASK_USAGE = `Usage: network-qa ask [--knowledge DIR] [--json] [--batch] [QUESTION…]

Answers questions from the knowledge folder.

Options:
  --knowledge DIR  the knowledge folder (default: $KNOWLEDGE_DIR, else ./knowledge)
  --json           one JSON object per answer: {id, question, status, answer, sources, passage, confidence, ms}
  --batch          read questions from stdin, one per line: plain text or {"id": …, "question": …}
  -h, --help       show this help
`;

export const ASK_OPTIONS = {
  knowledge: { type: 'string' },
  json: { type: 'boolean' },
  batch: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function timedAsk(qa: QA, question: string): { answer: ReturnType<QA['ask']>; ms: number } {
  const started = process.hrtime.bigint();
  const answer = qa.ask(question, { platform: 'cli' });
  return { answer, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Parses one batch line: plain text, or JSON with a string `question`. Throws with the reason. */
export function parseBatchLine(line: string, lineNumber: number): { id: string | number; question: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { id: lineNumber, question: trimmed };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    throw new Error(`line ${lineNumber}: not valid JSON (${(error as Error).message})`);
  }
  const { id, question } = (value ?? {}) as { id?: unknown; question?: unknown };
  if (typeof question !== 'string') throw new Error(`line ${lineNumber}: "question" must be a string`);
  return { id: typeof id === 'string' || typeof id === 'number' ? id : lineNumber, question };
}

function idOf(line: string): string | number | null {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line);
  if (!m) return null;
  try {
    return JSON.parse(m[1]) as string | number;
  } catch {
    return null;
  }
}

/** `network-qa ask`: answers the questions given as arguments, or read from stdin with `--batch`. */
export async function askCommand(values: { json?: boolean; batch?: boolean }, questions: string[], qa: QA, io: CliIO): Promise<number> {
  // Questions and documents come from anyone: nothing they hold may drive the terminal (issue 12).
  const write = (answerText: string) => io.stdout.write(`${values.json ? jsonTerminalSafe(answerText) : terminalSafe(answerText)}\n`);
  if (!values.batch) {
    if (!questions.length) {
      io.stderr.write(`network-qa ask: give a question, or use --batch to read questions from stdin\n\n${ASK_USAGE}`);
      return EXIT_USAGE;
    }
    const question = questions.join(' ');
    const { answer, ms } = timedAsk(qa, question);
    write(values.json ? answerJson(answer, question, null, ms) : formatAnswerText(answer));
    return EXIT_OK;
  }
  for await (const line of readLines(io.stdin, MAX_LINE_BYTES)) {
    if ('tooLong' in line) {
      const message = `line ${line.number}: longer than ${MAX_LINE_BYTES / 1024} KiB (${line.bytes} bytes); skipped`;
      write(values.json ? JSON.stringify({ id: idOf(line.head), status: 'error', message }) : `error: ${message}`);
      continue;
    }
    if (!line.text.trim()) continue;
    try {
      const { id, question } = parseBatchLine(line.text, line.number);
      const { answer, ms } = timedAsk(qa, question);
      write(values.json ? answerJson(answer, question, id, ms) : `Q: ${question}\n${formatAnswerText(answer)}\n`);
    } catch (error) {
      const message = (error as Error).message;
      write(values.json ? JSON.stringify({ id: idOf(line.text), status: 'error', message }) : `error: ${message}`);
    }
  }
  return EXIT_OK;
}
