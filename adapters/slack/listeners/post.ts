import type { webApi } from '@slack/bolt';
import { describeError } from '../../../src/errors';
import type { Logger } from '../../../src/types';
import type { SlackDeps } from '../conversation';
import { redactSecrets } from '../logger';
import { retryAfterMs, sleep } from '../transport';
import type { SlackMessage } from '../render';

/**
 * Posts a reply with `chat.postMessage`. The Web API client already retries 429 and 5xx with backoff;
 * a reply that still fails is logged (with where it was going) and never crashes the process.
 * @returns whether the reply was posted
 */
export async function postReply(
  client: webApi.WebClient,
  deps: Pick<SlackDeps, 'logger'>,
  where: { channel: string; thread_ts?: string },
  message: SlackMessage,
): Promise<boolean> {
  try {
    await client.chat.postMessage({ ...where, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    return true;
  } catch (error) {
    deps.logger.error(
      { code: 'slack_post_failed', method: 'chat.postMessage', channel: where.channel, error: redactSecrets(describeError(error)) },
      'Could not post a reply to Slack',
    );
    return false;
  }
}

/** How replies through a response URL are retried. */
export interface RespondRetry {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before the first retry, doubled for each further one, in ms. */
  minDelayMs: number;
  /** Upper bound of one delay, in ms; a longer `Retry-After` gives up on the reply at once (logged once). */
  maxDelayMs: number;
  /** Timeout of one attempt, in ms. */
  timeoutMs: number;
}

/** What a reply through a response URL carries (the JSON Slack expects there). */
export interface ResponsePayload {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  text?: string;
  blocks?: SlackMessage['blocks'];
}

/** Sends one reply to a response URL; resolves to whether it arrived, never rejects. */
export type Responder = (responseUrl: string | undefined, payload: ResponsePayload) => Promise<boolean>;

/** The outcome of one attempt: `retryAfterMs` is set when trying again may help. */
interface Attempt {
  ok: boolean;
  problem?: string;
  retryAfterMs?: number;
}

/**
 * Replies through Slack's response URLs (`respond()` in Bolt, which only throws on a failure): 429, 5xx, timeouts and
 * network errors are retried with doubling delays, honouring `Retry-After`; other failures (an expired URL) are not.
 * A reply that still fails is logged once, without the URL (its path is a credential for that conversation).
 * @param cancel once aborted (the bot stopped and stopped waiting), pending retries give up at once
 * @param fetchFn injectable for tests @defaultValue globalThis.fetch
 */
export function createResponder(logger: Logger, retry: RespondRetry, cancel?: AbortSignal, fetchFn: typeof fetch = globalThis.fetch): Responder {
  return async (responseUrl, payload) => {
    if (!responseUrl) {
      logger.warn({ code: 'slack_post_failed', method: 'response_url', error: 'no response_url in the request' }, 'Could not send a reply to Slack');
      return false;
    }
    const attempts = Math.max(1, retry.attempts);
    let last: Attempt = { ok: false };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      last = await sendOnce(fetchFn, responseUrl, payload, retry.timeoutMs, cancel);
      if (last.ok) return true;
      if (last.retryAfterMs === undefined || attempt === attempts || cancel?.aborted) break;
      if (last.retryAfterMs > retry.maxDelayMs) {
        last = { ...last, problem: `${last.problem}; Retry-After ${Math.round(last.retryAfterMs / 1000)} s is longer than the ${Math.round(retry.maxDelayMs / 1000)} s the bot waits, so this reply was given up` };
        break;
      }
      const backoff = retry.minDelayMs * 2 ** (attempt - 1);
      await sleep(Math.min(retry.maxDelayMs, Math.max(backoff, last.retryAfterMs)), cancel);
      if (cancel?.aborted) break;
    }
    logger.error(
      { code: 'slack_post_failed', method: 'response_url', host: hostOf(responseUrl), error: redactUrl(last.problem ?? 'unknown failure', responseUrl) },
      'Could not send a reply to Slack',
    );
    return false;
  };
}

async function sendOnce(fetchFn: typeof fetch, url: string, payload: ResponsePayload, timeoutMs: number, cancel?: AbortSignal): Promise<Attempt> {
  let response: Response;
  let body: string;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: cancel ? AbortSignal.any([AbortSignal.timeout(timeoutMs), cancel]) : AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    // Did not connect, connection reset, or timed out: worth another try.
    return { ok: false, problem: describeError(error), retryAfterMs: 0 };
  }
  const status = `HTTP ${response.status}`;
  if (response.status === 429) return { ok: false, problem: `${status} (rate limited)`, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  if (response.status >= 500) return { ok: false, problem: status, retryAfterMs: 0 };
  // Slack may answer 200 or 404 with {"ok":false,"error":"expired_url"}; sending again cannot help.
  const refused = slackError(body);
  if (!response.ok || refused) return { ok: false, problem: `${status}${refused ? ` (${refused})` : ''}` };
  return { ok: true };
}

/** The `error` of a `{"ok":false}` body, if the body is one. */
function slackError(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { ok?: unknown; error?: unknown };
    if (parsed && parsed.ok === false) return typeof parsed.error === 'string' ? parsed.error.slice(0, 100) : 'ok: false';
  } catch {
    // Slack often answers a plain "ok".
  }
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}

/** Removes the response URL (and tokens) from an error message. */
function redactUrl(text: string, url: string): string {
  return redactSecrets(text.split(url).join('[response_url]'));
}

