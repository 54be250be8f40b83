/** The longest question the bot accepts; `/ask` enforces the same limit in Discord's own UI. */
export const MAX_QUESTION_LENGTH = 500;

/** A question ready for the core, or the short reply that explains why there is none. */
export type QuestionCheck = { ok: true; question: string } | { ok: false; reply: string };

/**
 * Turns a message's content into question text: drops the bot's mention, other mentions and custom emoji.
 * @param content the message content as Discord delivered it
 * @param botId the bot user's id
 */
export function questionFromContent(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function example(examples: string[]): string {
  return examples.length > 0 ? ` For example: “${examples[0]}”` : '';
}

/**
 * Checks a question before it reaches the core: empty, too long, or without a single letter or digit.
 * @param question the cleaned question text
 * @param examples example questions to suggest in the reply
 */
export function checkQuestion(question: string, examples: string[]): QuestionCheck {
  const text = question.trim();
  if (text === '') return { ok: false, reply: `Ask me a question about the network and I will answer from its documents.${example(examples)}` };
  if (text.length > MAX_QUESTION_LENGTH) {
    return { ok: false, reply: `That message is ${text.length} characters long. Please ask one question in at most ${MAX_QUESTION_LENGTH} characters.` };
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, reply: `I can only answer questions written in words.${example(examples)}` };
  return { ok: true, question: text };
}
