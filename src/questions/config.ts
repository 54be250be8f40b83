/** Reading the question log's settings from environment variables (start-up code only). */
import { ConfigError } from '../errors';

/** The question log's settings. */
export interface QuestionLogSettings {
  /** `DATA_DIR`. @defaultValue '.network-qa' */
  dataDir: string;
  /** `LOG_QUESTIONS` ('on' | 'off'). @defaultValue true */
  enabled: boolean;
  /** `LOG_RETENTION_DAYS`. @defaultValue 90 */
  retentionDays: number;
}

const ON = new Set(['on', 'true', '1', 'yes']);
const OFF = new Set(['off', 'false', '0', 'no']);

/**
 * Validates `DATA_DIR`, `LOG_QUESTIONS` and `LOG_RETENTION_DAYS`.
 * @throws ConfigError naming the variable when one is malformed
 */
export function questionLogSettingsFromEnv(env: NodeJS.ProcessEnv): QuestionLogSettings {
  const dataDir = env.DATA_DIR?.trim() || '.network-qa';

  const flag = env.LOG_QUESTIONS?.trim().toLowerCase() ?? '';
  if (flag !== '' && !ON.has(flag) && !OFF.has(flag)) {
    throw new ConfigError('LOG_QUESTIONS', `must be 'on' or 'off', got '${env.LOG_QUESTIONS}'`);
  }

  const days = env.LOG_RETENTION_DAYS?.trim() ?? '';
  if (days !== '' && !/^[1-9]\d*$/.test(days)) {
    throw new ConfigError('LOG_RETENTION_DAYS', `must be a whole number of days of at least 1, got '${env.LOG_RETENTION_DAYS}'`);
  }

  return {
    dataDir,
    enabled: !OFF.has(flag),
    retentionDays: days === '' ? 90 : Number(days),
  };
}
