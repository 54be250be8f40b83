import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { QA } from '../../src/qa';
import { CHAT, LABELS, voteThanks, type SourceLine } from '../../src/present';
import { type CliIO, EXIT_OK } from './io';
import { renderReply, sourceText, terminalStyle, wrap } from './render';

export const CHAT_USAGE = `Usage: network-qa chat [--knowledge DIR]

Chat with the bot in the terminal: the same replies the Slack and Discord bots give.
Type a question and press Enter. /help lists topics and examples, /more continues the last answer,
/sources shows where it came from, /good or /bad rates it, a number asks that related question,
/quit or Ctrl-D leaves.

Options:
  --knowledge DIR  the knowledge folder (default: $KNOWLEDGE_DIR, else ./knowledge)
  -h, --help       show this help
`;

/** Lines kept for the up arrow. */
const HISTORY_SIZE = 200;
const QUIT_RE = /^(\/quit|\/exit|exit|quit|:q)$/i;

/** Interactive terminal chat: one conversation per session, through the same conversation layer as the bots. */
export async function chatCommand(qa: QA, io: CliIO, intro = ''): Promise<number> {
  const style = terminalStyle(io.stdout, io.env);
  const terminal = Boolean((io.stdout as NodeJS.WriteStream).isTTY);
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal, prompt: CHAT.prompt, historySize: HISTORY_SIZE });
  const indent = ' '.repeat(CHAT.botPrefix.length);
  const say = (lines: string[]) => io.stdout.write(`${CHAT.botPrefix}${lines.join('\n')}\n\n`);
  const conversationId = `cli:${randomUUID()}`;
  let numbered: string[] = [];
  let sources: SourceLine[] = [];
  let answerIds: string[] = [];

  if (intro) io.stdout.write(`${wrap(intro, style, '')}\n`);
  io.stdout.write(`${wrap(CHAT.welcome, style, '')}\n\n`);
  rl.prompt();
  const ask = async (message: string): Promise<void> => {
    const reply = await qa.converse(message, { conversationId, platform: 'cli' });
    const rendered = renderReply(reply, style, indent);
    say(rendered.lines);
    // A notice ("that is all") keeps the numbers of the answer before it usable.
    if (reply.kind !== 'notice') numbered = rendered.numbered;
    if (rendered.sources.length) sources = rendered.sources;
    if (reply.kind === 'answers') answerIds = reply.answers.map((a) => a.id);
  };
  for await (const line of rl) {
    const typed = line.trim();
    if (QUIT_RE.test(typed)) break;
    const vote = /^\/(good|bad)$/i.exec(typed);
    if (vote) {
      const direction = vote[1].toLowerCase() === 'good' ? 'up' : 'down';
      // Every vote is recorded; the question log counts a person's last one per answer.
      for (const id of answerIds) qa.feedback(id, direction, { platform: 'cli', userId: conversationId });
      say([answerIds.length ? voteThanks(direction) : CHAT.noSources]);
    } else if (/^\/sources$/i.test(typed)) say(sources.length ? sources.map((s, i) => wrap(`${LABELS.source}: ${sourceText(s)}`, style, indent, i === 0 ? '' : indent)) : [CHAT.noSources]);
    else if (/^\d{1,2}$/.test(typed) && numbered.length) {
      const picked = numbered[Number(typed) - 1];
      if (picked) {
        io.stdout.write(`${indent}${picked}\n`);
        await ask(picked);
      } else say([CHAT.noSuchRelated(Number(typed))]);
    } else if (typed) await ask(typed);
    rl.prompt();
  }
  rl.close();
  return EXIT_OK;
}
