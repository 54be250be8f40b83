import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../conversation';
import { conversationIds, replyToText } from '../conversation';
import { ACTIONS } from '../render';
import { postReply } from './post';

/**
 * A related-question button: the question is asked for the person who clicked, in the conversation the button
 * belongs to, and answered where the button was: privately under an ephemeral answer, otherwise in the same thread (or DM).
 */
export function registerRelatedAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.related, async ({ action, body, ack, client }) => {
    await ack();
    const question = action.value ?? '';
    const userId = body.user.id;
    const channel = body.channel?.id;
    const ephemeral = body.container?.is_ephemeral === true || !body.message || !channel;
    if (ephemeral) {
      const conversationId = conversationIds.private(channel ?? 'unknown', userId);
      const reply = await replyToText(deps, question, { userId, conversationId, showQuestion: true, render: { shareable: true } });
      if (reply) await deps.respond(body.response_url, { response_type: 'ephemeral', replace_original: false, text: reply.message.text, blocks: reply.message.blocks });
      return;
    }
    const root = body.message?.thread_ts ?? body.message?.ts ?? '';
    const conversationId = channel.startsWith('D') && !body.message?.thread_ts ? conversationIds.dm(channel) : conversationIds.thread(channel, root);
    const reply = await replyToText(deps, question, { userId, conversationId, showQuestion: true });
    if (reply) await postReply(client, deps, { channel, ...(root ? { thread_ts: root } : {}) }, reply.message);
  });
}
