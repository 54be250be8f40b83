import type { App, BlockButtonAction } from '@slack/bolt';
import { NOTICES } from '../../../src/present';
import type { SlackDeps } from '../conversation';
import { ACTIONS, renderNotice, renderReply } from '../render';

/**
 * "Share in channel" under a private `/ask` answer: posts the same answer visibly in the channel,
 * with who asked, through the response URL (so it works where the bot is not a member), then removes the private copy.
 */
export function registerShareAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.share, async ({ action, body, ack }) => {
    await ack();
    const stored = deps.answers.get(action.value ?? '');
    if (!stored) {
      const notice = renderNotice(NOTICES.shareExpired);
      await deps.respond(body.response_url, { response_type: 'ephemeral', replace_original: false, text: notice.text, blocks: notice.blocks });
      return;
    }
    if (!deps.once.firstTime(`share:${stored.answers[0].id}`)) return;
    const message = renderReply({ kind: 'answers', answers: stored.answers, asked: stored.asked }, { question: stored.asked.join(' '), sharedBy: body.user.id });
    const shared = await deps.respond(body.response_url, { response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
    if (shared) await deps.respond(body.response_url, { delete_original: true });
  });
}
