import { ConfigError } from '../../src/errors';

/** Settings shared by both Slack transports. */
interface SlackCommonConfig {
  /** Bot token (`xoxb-…`) used for every Web API call. */
  botToken: string;
  /** Base URL of the Web API, ending in `/`. @defaultValue 'https://slack.com/api/' */
  apiUrl?: string;
  /** Slack user ids allowed to run `/kb reindex|stats|unanswered`. */
  maintainers: string[];
}

/** Socket Mode: the bot opens a WebSocket to Slack, no public URL needed. */
export interface SlackSocketConfig extends SlackCommonConfig {
  mode: 'socket';
  /** App-level token (`xapp-…`) with `connections:write`. */
  appToken: string;
}

/** HTTP mode: Slack POSTs to `/slack/events` on `port`; requests are verified with the signing secret. */
export interface SlackHttpConfig extends SlackCommonConfig {
  mode: 'http';
  signingSecret: string;
  /** @defaultValue 3000 */
  port: number;
}

/** Validated Slack settings from the environment. */
export type SlackConfig = SlackSocketConfig | SlackHttpConfig;

const DEFAULT_PORT = 3000;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * Reads and validates the Slack settings from environment variables.
 * @param env usually `process.env`
 * @returns `null` when `SLACK_BOT_TOKEN` is unset (Slack is not configured)
 * @throws ConfigError naming the variable that is missing or malformed
 */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | null {
  const botToken = value(env, 'SLACK_BOT_TOKEN');
  if (botToken === undefined) return null;
  checkToken('SLACK_BOT_TOKEN', botToken, 'xoxb-', 'a bot token');

  const common: SlackCommonConfig = {
    botToken,
    apiUrl: readApiUrl(env),
    maintainers: readMaintainers(env),
  };

  const appToken = value(env, 'SLACK_APP_TOKEN');
  if (appToken !== undefined) {
    checkToken('SLACK_APP_TOKEN', appToken, 'xapp-', 'an app-level token');
    return { ...common, mode: 'socket', appToken };
  }

  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');
  if (signingSecret === undefined) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is not set: HTTP mode (no SLACK_APP_TOKEN) needs the signing secret from "Basic Information" to verify requests');
  }
  if (/\s/.test(signingSecret)) throw new ConfigError('SLACK_SIGNING_SECRET', 'must not contain spaces');
  return { ...common, mode: 'http', signingSecret, port: readPort(env) };
}

/** A variable's trimmed value, or undefined when unset or blank. */
function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function checkToken(name: string, token: string, prefix: string, what: string): void {
  // The message never repeats the token itself: it is a secret.
  if (!token.startsWith(prefix)) throw new ConfigError(name, `must be ${what} starting with "${prefix}"`);
  if (!/^[A-Za-z0-9-]+$/.test(token) || token.length < prefix.length + 8) {
    throw new ConfigError(name, `is malformed: expected ${what} of the form ${prefix}…`);
  }
}

function readPort(env: NodeJS.ProcessEnv): number {
  const raw = value(env, 'PORT');
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(port) || port > 65535) {
    throw new ConfigError('PORT', `must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function readApiUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = value(env, 'SLACK_API_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SLACK_API_URL', `must be a URL such as https://slack.com/api/, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('SLACK_API_URL', `must be an http(s) URL, got "${raw}"`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function readMaintainers(env: NodeJS.ProcessEnv): string[] {
  const raw = value(env, 'SLACK_MAINTAINERS');
  if (raw === undefined) return [];
  const ids = raw.split(',').map((id) => id.trim()).filter((id) => id !== '');
  for (const id of ids) {
    if (!USER_ID.test(id)) {
      throw new ConfigError('SLACK_MAINTAINERS', `must be comma-separated Slack user ids such as U012ABCDEF, got "${id}"`);
    }
  }
  return [...new Set(ids)];
}
