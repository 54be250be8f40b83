import pino from 'pino';
import type { Logger } from './types';

/** Keys whose values are never written to a log, wherever they appear. */
const REDACTED_PATHS = ['token', 'botToken', 'appToken', 'signingSecret', '*.token', '*.botToken', '*.appToken', '*.signingSecret', 'headers.authorization', '*.headers.authorization'];

/** The one logger: JSON lines on stderr, so stdout stays for answers (`--json`). */
export function createLogger(level: string = 'info'): Logger & pino.Logger {
  return pino({ level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, pino.destination(2));
}

/** A logger that drops everything (tests, `--json` runs). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
