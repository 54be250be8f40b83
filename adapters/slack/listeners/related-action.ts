import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../conversation';
import { ask } from '../conversation';
import { ACTIONS } from '../render';
import { postReply } from './post';
import { MAX_QUESTION_CHARS } from '../text';

/**
 * A related-question button: the question is asked for the person who clicked and answered where the button was:
 * privately under an ephemeral answer, otherwise in the same thread (or DM).
 */
export function registerRelatedAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.related, async ({ action, body, ack, client }) => {
    await ack();
    const question = (action.value ?? '').slice(0, MAX_QUESTION_CHARS).trim();
    if (!question) return;
    const userId = body.user.id;
    const channel = body.channel?.id;
    const ephemeral = body.container?.is_ephemeral === true || !body.message || !channel;
    if (ephemeral) {
      const reply = ask(deps, question, { userId, showQuestion: true, render: { shareable: true } });
      await deps.respond(body.response_url, { response_type: 'ephemeral', replace_original: false, text: reply.message.text, blocks: reply.message.blocks });
      return;
    }
    const root = body.message?.thread_ts ?? body.message?.ts;
    const reply = ask(deps, question, { userId, threadKeys: root ? [`${channel}:${root}`] : [], showQuestion: true });
    await postReply(client, deps, { channel, ...(root ? { thread_ts: root } : {}) }, reply.message);
  });
}
