import type { App, BlockButtonAction } from '@slack/bolt';
import type { Vote } from '../../../src/types';
import type { SlackDeps } from '../conversation';
import { ACTIONS, renderNotice } from '../render';

/** 👍 / 👎 under an answer: recorded once per person and answer, acknowledged privately. */
export function registerFeedbackAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(/^feedback_(up|down)$/, async ({ action, body, ack }) => {
    await ack();
    const vote: Vote = action.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
    const answerId = action.value ?? '';
    const userId = body.user.id;
    if (!answerId) return;
    const first = deps.once.firstTime(`vote:${answerId}:${userId}`);
    if (first) deps.qa.feedback(answerId, vote, { platform: 'slack', userId });
    const text = !first
      ? 'You already rated this answer. Thank you!'
      : vote === 'up'
        ? 'Thanks for the feedback! 👍'
        : 'Thanks — the maintainers will look at this question. 👎';
    const notice = renderNotice(text);
    await deps.respond(body.response_url, { response_type: 'ephemeral', replace_original: false, text: notice.text, blocks: notice.blocks });
  });
}
