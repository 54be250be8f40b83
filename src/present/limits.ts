import { MAX_QUESTION_CHARS } from '../answer/limits';

/** The longest message read as a question, on every surface (the core's own limit). */
export { MAX_QUESTION_CHARS };

/** What a message holds once checked: a question, nothing to ask, or too much to read. */
export type MessageCheck = { kind: 'question'; text: string } | { kind: 'empty' } | { kind: 'too_long'; length: number };

// Emoji shortcodes (:wave:), pictographs, skin tones, joiners and variation selectors carry no question.
const EMOJI_RE = /:[a-z0-9_+'-]+:|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/giu;

/**
 * The one check every surface runs on a message before it reaches the core: trims and collapses white space,
 * refuses an overlong message, and finds no question in one that holds only emoji, mentions or punctuation.
 * @param text the message as plain text (platform markup already removed by the adapter)
 */
export function checkMessage(text: string | undefined): MessageCheck {
  const raw = text ?? '';
  // Bound the work on huge input before any regular expression runs over all of it.
  if (raw.length > MAX_QUESTION_CHARS * 4) return { kind: 'too_long', length: raw.length };
  const plain = raw.replace(/\s+/g, ' ').trim();
  if (plain.length > MAX_QUESTION_CHARS) return { kind: 'too_long', length: plain.length };
  if (!/[\p{L}\p{N}]/u.test(plain.replace(EMOJI_RE, ' '))) return { kind: 'empty' };
  return { kind: 'question', text: plain };
}

/**
 * Shortens text to at most `max` characters, ending with "…" when it was cut: at a word boundary when one is
 * near the end, never inside a surrogate pair (half an emoji).
 * @param protect a pattern that must not be cut in half at the end (Slack passes its entities, `&amp;`)
 */
export function truncate(text: string, max: number, protect?: RegExp): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  // A word boundary in the last fifth of the room is worth the few characters it costs.
  if (space > max * 0.8) cut = cut.slice(0, space);
  if (protect) cut = cut.replace(protect, '');
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
