import { redactTokens } from './text/redact';

/** Every error the project raises on purpose has one of these codes. */
export type ErrorCode =
  | 'config_invalid'
  | 'config_missing'
  | 'knowledge_invalid_document'
  | 'knowledge_dir_missing'
  | 'index_incompatible'
  | 'index_corrupt'
  | 'cli_usage'
  | 'write_failed'
  | 'store_failed'
  | 'model_invalid';

/** An error with a stable code and a message that says what went wrong and where. */
export class NetworkQaError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkQaError';
    this.code = code;
  }
}

/** A missing or malformed environment variable; the message names the variable. */
export class ConfigError extends NetworkQaError {
  readonly variable: string;
  constructor(variable: string, problem: string) {
    // The value quoted in a problem may be a token pasted into the wrong variable: never repeat it.
    super(problem.startsWith('is not set') ? 'config_missing' : 'config_invalid', `${variable} ${redactTokens(problem)}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** Wraps anything thrown into a message safe to show: no stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
