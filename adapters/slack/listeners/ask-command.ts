import type { App } from '@slack/bolt';
import type { SlackDeps } from '../conversation';
import { conversationIds, replyToText } from '../conversation';

/** `/ask <question>`: answered privately (ephemeral) with a "Share in channel" button. */
export function registerAskCommand(app: App, deps: SlackDeps): void {
  app.command('/ask', async ({ command, ack }) => {
    const reply = await replyToText(deps, command.text, {
      userId: command.user_id,
      conversationId: conversationIds.private(command.channel_id, command.user_id),
      onEmpty: 'help',
      showQuestion: true,
      render: { shareable: true },
    });
    // The answer travels in the acknowledgement itself: one round trip, well within Slack's 3 seconds,
    // and it works in channels the bot is not a member of.
    await ack(reply ? { response_type: 'ephemeral', text: reply.message.text, blocks: reply.message.blocks } : undefined);
  });
}
