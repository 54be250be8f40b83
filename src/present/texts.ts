/**
 * Every sentence the bot says on its own (not taken from the documents), on every surface, in one place.
 * Adapters escape and style these; they never write their own.
 */
import type { Vote } from '../types';
import { MAX_QUESTION_CHARS } from './limits';

/** Short replies that are not answers. */
export const NOTICES = {
  error: 'Sorry, something went wrong while answering. Please try again in a moment.',
  tooLong: (length: number) => `That message is too long for me (${length} characters). Please ask one question in at most ${MAX_QUESTION_CHARS} characters.`,
  empty: (example?: string) => `I didn't find a question in that message. Ask me something about the network${example ? `, for example: “${example}”` : '.'}`,
  filesOnly: 'I can only read text questions, not files. Please type your question.',
  moreWithoutAnswer: 'Ask me a question first; “more” then shows the rest of the passage its answer came from.',
  moreAtEnd: (where: string) => `That is all the documents say under “${where}”.`,
  expiredSuggestion: 'This suggestion has expired. Please ask the question again.',
  expiredButton: 'This button no longer works. Please ask again.',
  shareExpired: 'That answer is no longer available to share. Please ask again.',
  cannotHandle: "I can't handle that here. Ask me a question instead.",
  unknownCommand: (name: string) => `I don't know the command /${name}. Try /ask or /help.`,
} as const;

/** The private thanks for a 👍 or 👎; a person's last vote on an answer is the one that counts. */
export function voteThanks(vote: Vote): string {
  return vote === 'up' ? 'Thanks for the 👍! (Changed your mind? Your last vote is the one that counts.)' : 'Thanks for the 👎. The maintainers will see that this answer needs work. (Your last vote is the one that counts.)';
}

/** Labels shown beside answers. */
export const LABELS = {
  botName: 'Network QA',
  source: 'Source',
  sources: 'Sources',
  related: 'Related questions',
  askPerson: 'Ask a person',
  understoodAs: 'Understood as',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  share: 'Share in channel',
  examples: 'For example',
  topics: 'What I know about',
  howToAsk: 'How to ask',
  commands: 'Commands',
} as const;

/** The terminal chat's own lines. */
export const CHAT = {
  intro: 'No SLACK_BOT_TOKEN or DISCORD_TOKEN set: chatting here in the terminal. To connect Slack or Discord, copy .env.example to .env and see the README.',
  prompt: 'you> ',
  botPrefix: 'bot> ',
  welcome: 'Ask me a question about the network. Type /help for topics and examples, /quit to leave.',
  pickNumber: (count: number) => (count ? `Type 1 to ${count} to ask a related question.` : ''),
  noSources: 'Nothing to show yet: ask a question first.',
  noSuchRelated: (n: number) => `There is no related question ${n} right now.`,
} as const;
