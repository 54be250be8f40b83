/**
 * The `fetch` every Slack Web API client of the bot uses (Bolt's, the listeners', Socket Mode's). Two things the
 * Web API client does not do well enough on its own:
 *
 * - **Rate limits, one reply at a time.** On a 429 the client pauses its whole queue for `Retry-After` seconds, so one
 *   rate-limited channel held back every other reply (issue 12). With `rejectRateLimitedCalls` the client leaves 429s
 *   to this fetch, which waits and retries that one request, at most `maxRetryAfterMs` per wait; a longer
 *   `Retry-After` gives up on that reply at once (the caller logs it), and other replies keep flowing.
 * - **Fatal auth errors.** `invalid_auth`, `account_inactive`, `token_revoked`… mean no call will ever succeed again:
 *   `onFatal` is told once, so the bot stops instead of retrying forever.
 */
import type { Logger } from '../../src/types';

/** Slack errors after which no call with this token can succeed until a person fixes the app or its tokens. */
export const FATAL_SLACK_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/** How rate-limited Web API calls are retried. */
export interface RateLimitPolicy {
  /** Longest `Retry-After` waited for; a longer one gives up on the request at once. */
  maxRetryAfterMs: number;
  /** Attempts in all for one request, the first included. */
  attempts: number;
}

/** Options of {@link createSlackFetch}. */
export interface SlackFetchOptions {
  rateLimit: RateLimitPolicy;
  logger: Logger;
  /** Told once, with the Slack error and the API method, when Slack says the token is no longer valid. */
  onFatal?: (error: string, method: string) => void;
  /** Aborted when the bot stops: a wait for `Retry-After` ends at once. */
  cancel?: AbortSignal;
  /** @defaultValue globalThis.fetch */
  fetchFn?: typeof fetch;
}

/** `Retry-After` in seconds (Slack's form) or as an HTTP date, in ms; 0 when absent or unreadable. */
export function retryAfterMs(header: string | null): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}

/** Waits `ms`, or less when `cancel` is aborted meanwhile. */
export function sleep(ms: number, cancel?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    cancel?.addEventListener('abort', done, { once: true });
  });
}

const methodOf = (url: string): string => url.replace(/^.*\/api\//, '').split('?')[0] ?? url;

/** The `fetch` for Slack's Web API clients; pair it with `rejectRateLimitedCalls: true`. */
export function createSlackFetch({ rateLimit, logger, onFatal, cancel, fetchFn = globalThis.fetch }: SlackFetchOptions): typeof fetch {
  let fatal = false;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = methodOf(url);
    let response = await fetchFn(input, init);
    for (let attempt = 1; response.status === 429 && attempt < rateLimit.attempts && !cancel?.aborted; attempt++) {
      const wait = retryAfterMs(response.headers.get('retry-after'));
      if (wait > rateLimit.maxRetryAfterMs) break; // given up: the client raises a rate-limit error for this call only
      await response.body?.cancel();
      logger.warn({ code: 'slack_rate_limited', method, retryAfterMs: wait, attempt }, 'Slack rate limit: waiting to retry this reply');
      await sleep(wait, cancel);
      if (cancel?.aborted) break;
      response = await fetchFn(input, init);
    }
    if (!fatal && onFatal && response.status === 200) {
      const error = await slackError(response);
      if (error && FATAL_SLACK_ERRORS.has(error)) {
        fatal = true;
        onFatal(error, method);
      }
    }
    return response;
  };
}

/** The `error` of a `{"ok":false}` reply, read from a copy so the client still reads the body. */
async function slackError(response: Response): Promise<string | undefined> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    const body = (await response.clone().json()) as { ok?: unknown; error?: unknown };
    return body && body.ok === false && typeof body.error === 'string' ? body.error : undefined;
  } catch {
    return undefined;
  }
}
