/**
 * Turns a message's content into question text: drops the bot's mention, other mentions and custom emoji.
 * (Limits and the empty check are the shared ones, applied by the conversation layer.)
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
