/** Turning a Slack message (mrkdwn with `<…>` entities) into a plain question for the core. */

/** Longest question passed to the core; longer messages get a short "please shorten" reply. */
export const MAX_QUESTION_CHARS = 1000;

/** What a message turned out to be. */
export type ParsedQuestion =
  | { kind: 'question'; question: string }
  /** Nothing to ask: an empty mention, only emoji, only mentions or punctuation. */
  | { kind: 'empty' }
  | { kind: 'too_long'; length: number };

/**
 * Reads the question out of a Slack message text.
 * @param text the event's `text` (Slack-encoded: `&lt;`, `<@U…>`, `<url|label>`)
 * @param botUserId the bot's own user id, whose mentions are removed
 */
export function parseQuestion(text: string | undefined, botUserId?: string): ParsedQuestion {
  const raw = text ?? '';
  // Bound the work on huge input before any regular expression runs over all of it.
  if (raw.length > MAX_QUESTION_CHARS * 4) return { kind: 'too_long', length: raw.length };
  const plain = toPlainText(raw, botUserId);
  if (plain.length > MAX_QUESTION_CHARS) return { kind: 'too_long', length: plain.length };
  const withoutEmoji = plain.replace(/:[a-z0-9_+'-]+:/gi, ' ').replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu, ' ');
  if (!/[\p{L}\p{N}]/u.test(withoutEmoji)) return { kind: 'empty' };
  return { kind: 'question', question: plain };
}

/**
 * Converts Slack's message encoding to plain text: mentions of the bot removed, other mentions and links
 * reduced to their labels, broadcast mentions dropped, entities decoded, code fences and backticks removed.
 */
export function toPlainText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_match, inner: string) => entityLabel(inner, botUserId))
    .replace(/```/g, ' ')
    .replace(/`/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function entityLabel(inner: string, botUserId?: string): string {
  const [target = '', label] = splitOnce(inner, '|');
  if (target.startsWith('@')) {
    if (botUserId && target.slice(1) === botUserId) return ' ';
    return label ? `@${label}` : ' ';
  }
  if (target.startsWith('#')) return label ? `#${label}` : ' ';
  // <!here>, <!channel>, <!subteam^…|@team>, <!date^…|fallback>: keep only a human label, never the command.
  if (target.startsWith('!')) return label && !/^@?(here|channel|everyone)$/i.test(label) ? label : ' ';
  if (label) return label;
  return target.replace(/^mailto:/, '');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
