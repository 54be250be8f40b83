import type { webApi } from '@slack/bolt';
import { describeError } from '../../../src/errors';
import type { SlackDeps } from '../conversation';
import { redactSecrets } from '../logger';
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

/** Runs a `respond()` (response_url) call; failures are logged, never thrown. */
export async function safely(deps: Pick<SlackDeps, 'logger'>, what: string, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    deps.logger.error({ code: 'slack_post_failed', method: what, error: redactSecrets(describeError(error)) }, 'Could not send a reply to Slack');
    return false;
  }
}
