import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../conversation';
import { ACTIONS, renderAnswer, renderNotice } from '../render';

/**
 * "Share in channel" under a private `/ask` answer: posts the same answer visibly in the channel,
 * with who asked, through the response URL (so it works where the bot is not a member), then removes the private copy.
 */
export function registerShareAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.share, async ({ action, body, ack }) => {
    await ack();
    const stored = deps.answers.get(action.value ?? '');
    if (!stored) {
      const notice = renderNotice('That answer is no longer available to share. Please ask again with `/ask`.');
      await deps.respond(body.response_url, { response_type: 'ephemeral', replace_original: false, text: notice.text, blocks: notice.blocks });
      return;
    }
    if (!deps.once.firstTime(`share:${stored.answer.id}`)) return;
    const message = renderAnswer(stored.answer, { question: stored.question, sharedBy: body.user.id });
    const shared = await deps.respond(body.response_url, { response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
    if (shared) await deps.respond(body.response_url, { delete_original: true });
  });
}
