/**
 * Removes anything that looks like a secret from a message before it is shown or logged: Slack tokens, Discord bot
 * tokens, long base64-like strings (signing secrets, API keys) and passwords in URLs. Configuration errors quote the
 * value they refuse, and a token pasted into the wrong variable must not be echoed (issue 12).
 */

const PATTERNS: [RegExp, string][] = [
  // Slack: bot, user, app-level, refresh and configuration tokens (xoxb-, xoxp-, xapp-, xoxe-, …).
  [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]*/g, '[redacted]'],
  // Discord bot token: three base64url parts joined by dots (user id, timestamp, HMAC).
  [/\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}/g, '[redacted]'],
  // user:password@ in a URL.
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, '$1[redacted]@'],
  // Long base64/hex-like runs with letters and digits mixed (signing secrets, keys). A slash is not part of the run,
  // so paths stay readable.
  [/(?<![A-Za-z0-9+_=-])(?=[A-Za-z0-9+_=-]*\d)(?=[A-Za-z0-9+_=-]*[A-Za-z])[A-Za-z0-9+_=-]{32,}/g, '[redacted]'],
];

/** The text with every token-shaped string replaced by `[redacted]`. */
export function redactTokens(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
