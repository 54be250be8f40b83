/** Terminal rendering: the shared presentation parts as wrapped lines, sources dimmed, colour only on a TTY. */
import wrapAnsi from 'wrap-ansi';
import type { Reply } from '../../src/conversation';
import { LABELS, presentAnswer, sourceLabel, type AnswerParts, type Help, type SourceLine } from '../../src/present';
import { terminalSafeDeep } from '../../src/text/terminal-safe';
import type { Answer } from '../../src/types';

/** How the terminal wants text: its width, and whether it takes colour. */
export interface TerminalStyle {
  /** Columns to wrap at; `Infinity` keeps lines whole (pipes, `ask`). */
  width: number;
  color: boolean;
}

/** Plain, unwrapped text: for `network-qa ask` and anything that is not a terminal. */
export const PLAIN: TerminalStyle = { width: Infinity, color: false };

/** Columns used when a terminal does not say its width. */
const DEFAULT_COLUMNS = 80;

/** Colour only on a TTY, and never when `NO_COLOR` is set (https://no-color.org). */
export function terminalStyle(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): TerminalStyle {
  const tty = stream as NodeJS.WriteStream;
  if (!tty.isTTY) return PLAIN;
  return { width: tty.columns || DEFAULT_COLUMNS, color: !env.NO_COLOR };
}

// SGR codes, on and off (Node's styleText decides colour from the process's own stdout, which a chat on another stream must not follow).
const LOOKS = { dim: [2, 22], bold: [1, 22], cyan: [36, 39], yellow: [33, 39] } as const;
type Look = keyof typeof LOOKS;
const paint = (style: TerminalStyle, look: Look, text: string): string => (style.color ? `\x1b[${LOOKS[look][0]}m${text}\x1b[${LOOKS[look][1]}m` : text);

/** Wraps at word boundaries to the width left after `indent`, indenting the lines after the first. */
export function wrap(text: string, style: TerminalStyle, indent: string, first = indent): string {
  const room = style.width - indent.length;
  const lines = text.split('\n').flatMap((line) => (Number.isFinite(room) && room > 10 ? wrapAnsi(line, room, { hard: true, trim: true }).split('\n') : [line]));
  return lines.map((line, i) => (i === 0 ? first : indent) + line).join('\n');
}

/** "Title › Heading (file, line 12) https://…" */
export function sourceText(source: SourceLine): string {
  return `${sourceLabel(source)} (${source.file}, ${source.where})${source.url ? ` ${source.url}` : ''}`;
}

/**
 * One answer as terminal lines.
 * @param numberFrom related questions are numbered from here (the chat picks them by number); omit for a plain list
 */
export function renderAnswerLines(unsafeParts: AnswerParts, style: TerminalStyle, indent: string, numberFrom?: number): string[] {
  // Questions come from anyone in Slack or Discord, documents from the web: nothing in them may drive the terminal.
  const parts = terminalSafeDeep(unsafeParts);
  const out = [wrap(parts.text, style, indent, '')];
  if (parts.translatedNote) out.push(wrap(paint(style, 'dim', `(${parts.translatedNote})`), style, indent));
  if (parts.understoodAs) out.push(wrap(paint(style, 'dim', `${LABELS.understoodAs}: ${parts.understoodAs}`), style, indent));
  for (const source of parts.sources) out.push(wrap(paint(style, 'dim', `${LABELS.source}: ${sourceText(source)}`), style, indent));
  if (parts.contact) out.push(wrap(`${LABELS.askPerson}: ${parts.contact}`, style, indent));
  if (parts.related.length) {
    if (numberFrom === undefined) out.push(wrap(`${LABELS.related}: ${parts.related.join(' | ')}`, style, indent));
    else {
      out.push(indent + paint(style, 'bold', `${LABELS.related}:`));
      parts.related.forEach((q, i) => out.push(wrap(`${paint(style, 'cyan', `${numberFrom + i}.`)} ${q}`, style, `${indent}     `, `${indent}  `)));
    }
  }
  return out;
}

/** An answer as plain text (`network-qa ask`): the reply, where it comes from, whom to ask, related questions. */
export function formatAnswerText(answer: Answer): string {
  return renderAnswerLines(presentAnswer(answer), PLAIN, '  ').join('\n');
}

/** Help as terminal lines: topics grouped, how to ask, commands, numbered examples. */
export function renderHelpLines(unsafeHelp: Help, style: TerminalStyle, indent: string, numberFrom = 1): string[] {
  const help = terminalSafeDeep(unsafeHelp);
  const out = [wrap(help.intro, style, indent, '')];
  out.push(indent + paint(style, 'bold', `${LABELS.topics}:`));
  for (const group of help.topics) out.push(wrap(`${paint(style, 'yellow', group.name)}: ${group.titles.join('; ')}`, style, `${indent}    `, `${indent}  `));
  out.push(indent + paint(style, 'bold', `${LABELS.howToAsk}:`));
  for (const line of help.howToAsk) out.push(wrap(`- ${line}`, style, `${indent}    `, `${indent}  `));
  if (help.commands.length) {
    out.push(indent + paint(style, 'bold', `${LABELS.commands}:`));
    const pad = Math.max(...help.commands.map(([c]) => c.length));
    for (const [command, what] of help.commands) out.push(wrap(`${paint(style, 'cyan', command.padEnd(pad))}  ${what}`, style, `${indent}  ${' '.repeat(pad + 2)}`, `${indent}  `));
  }
  if (help.examples.length) {
    out.push(indent + paint(style, 'bold', `${LABELS.examples}:`));
    help.examples.forEach((q, i) => out.push(wrap(`${paint(style, 'cyan', `${numberFrom + i}.`)} ${q}`, style, `${indent}     `, `${indent}  `)));
  }
  return out;
}

/** A whole reply for the chat, and the questions its numbers pick. */
export function renderReply(unsafeReply: Reply, style: TerminalStyle, indent: string): { lines: string[]; numbered: string[]; sources: SourceLine[] } {
  const reply = terminalSafeDeep(unsafeReply);
  if (reply.kind === 'notice') return { lines: [wrap(reply.text, style, indent, '')], numbered: [], sources: [] };
  if (reply.kind === 'help') return { lines: renderHelpLines(reply.help, style, indent), numbered: reply.help.examples, sources: [] };
  const lines: string[] = [];
  const numbered: string[] = [];
  const sources: SourceLine[] = [];
  reply.answers.forEach((answer, i) => {
    const parts = presentAnswer(answer, reply.asked[i]);
    if (reply.answers.length > 1) lines.push((i === 0 ? '' : indent) + paint(style, 'bold', `› ${reply.asked[i]}`));
    const block = renderAnswerLines(parts, style, indent, numbered.length + 1);
    if (reply.answers.length > 1) block[0] = indent + block[0];
    lines.push(...block);
    numbered.push(...parts.related);
    sources.push(...parts.sources);
  });
  return { lines, numbered, sources };
}

/** One line of `ask --json`: the batch protocol the scorer reads. */
export function answerJson(answer: Answer, question: string, id: string | number | null, ms: number): string {
  return JSON.stringify({
    id,
    question,
    status: answer.status,
    answer: answer.answer,
    sources: answer.sources.map(({ title, file, heading, line, page, url }) => ({ title, file, heading, line, ...(page ? { page } : {}), ...(url ? { url } : {}) })),
    passage: answer.passage,
    confidence: answer.confidence,
    ms: Math.round(ms * 1000) / 1000,
  });
}
