/**
 * Text made safe to print to a terminal. Questions come from anyone in Slack or Discord and are printed by
 * `network-qa report`, `ask` and `chat`; escape sequences in them could set a maintainer's terminal title, clear the
 * screen or worse (issue 12). Removed: ESC sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes), their
 * 8-bit C1 forms, and every other C0/C1 control character except newline and tab.
 */

// OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \ or 0x9C), or by the end of the text.
const ESC_STRING = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)/g;
// CSI: ESC [ or 0x9B, parameters and intermediates, one final byte.
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
// Other escapes: ESC, intermediates, one final character.
const ESC_OTHER = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// What is left of C0 (tab and newline kept), DEL and C1.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** `text` without terminal escape sequences and control characters (newline and tab are kept). */
export function terminalSafe(text: string): string {
  return text.replace(ESC_STRING, '').replace(CSI, '').replace(ESC_OTHER, '').replace(CONTROL, '');
}

/**
 * JSON text with DEL and C1 characters written as `\u….` escapes: the same JSON value, but nothing a terminal would
 * act on when the JSON is printed to one (JSON.stringify already escapes C0, including ESC).
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `value` with {@link terminalSafe} applied to every string inside it (objects and arrays are copied, not changed). */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => terminalSafeDeep(v)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, terminalSafeDeep(v)])) as T;
  return value;
}
