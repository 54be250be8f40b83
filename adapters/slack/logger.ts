import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/types';

/** Slack tokens and anything that looks like one; never written to a log. */
const SECRET = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;
/** Response URLs: their path lets anyone post into that conversation for 30 minutes. */
const RESPONSE_URL = /(https?:\/\/hooks\.slack(?:-gov)?\.com)\/[^\s"'<>]*/g;

/** Removes token-shaped strings and response URLs from a log message. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET, '[redacted]').replace(RESPONSE_URL, '$1/[redacted]');
}

/**
 * Bolt's logger interface over the project's logger.
 * Bolt's and the Socket Mode client's debug output is dropped: it includes whole payloads, and so
 * question text, which is logged only by the core's question log.
 * @param logger the project's logger
 */
export function boltLogger(logger: Logger): BoltLogger {
  const write = (level: 'info' | 'warn' | 'error') => (...msgs: unknown[]): void => {
    const text = redactSecrets(msgs.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : safeJson(m))).join(' '));
    logger[level]({ component: 'slack', code: `slack_${level}` }, text);
  };
  return {
    debug: () => {},
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
