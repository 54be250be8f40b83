import { createInterface } from 'node:readline';
import type { QA } from '../../src/qa';
import { terminalSafe } from '../../src/text/terminal-safe';
import { formatAnswerText } from './format';
import { type CliIO, EXIT_OK } from './io';

export const CHAT_USAGE = `Usage: network-qa chat [--knowledge DIR]

Chat with the bot in the terminal: the same replies the Slack and Discord bots give.
Type a question and press Enter; "exit" or Ctrl-D leaves.

Options:
  --knowledge DIR  the knowledge folder (default: $KNOWLEDGE_DIR, else ./knowledge)
  -h, --help       show this help
`;

/** Interactive terminal chat. Follow-ups see the previous question, as in a chat thread. */
export async function chatCommand(qa: QA, io: CliIO, intro = ''): Promise<number> {
  const terminal = Boolean((io.stdout as NodeJS.WriteStream).isTTY);
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal, prompt: 'you> ' });
  if (intro) io.stdout.write(`${intro}\n`);
  io.stdout.write(`${terminalSafe(formatAnswerText(qa.ask('help', { platform: 'cli' })))}\n\n`);
  let previousQuestion: string | undefined;
  rl.prompt();
  for await (const line of rl) {
    const question = line.trim();
    if (/^(exit|quit|:q)$/i.test(question)) break;
    if (question) {
      const answer = qa.ask(question, { platform: 'cli', previousQuestion });
      io.stdout.write(`bot> ${terminalSafe(formatAnswerText(answer)).replace(/\n/g, '\n     ')}\n\n`);
      if (answer.status === 'answered') previousQuestion = answer.understoodAs;
    }
    rl.prompt();
  }
  rl.close();
  return EXIT_OK;
}
