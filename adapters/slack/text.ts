/** Turning a Slack message (mrkdwn with `<…>` entities) into a plain question for the core. */

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
