import type { App, BlockButtonAction } from '@slack/bolt';
import { voteThanks } from '../../../src/present';
import type { Vote } from '../../../src/types';
import type { SlackDeps } from '../conversation';
import { ACTIONS, renderNotice } from '../render';

/** 👍 / 👎 under an answer: every click is recorded (a person's last vote on an answer counts), acknowledged privately. */
export function registerFeedbackAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(/^feedback_(up|down)$/, async ({ action, body, ack }) => {
    await ack();
    const vote: Vote = action.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
    const answerId = action.value ?? '';
    if (!answerId) return;
    deps.qa.feedback(answerId, vote, { platform: 'slack', userId: body.user.id });
    const notice = renderNotice(voteThanks(vote));
    await deps.respond(body.response_url, { response_type: 'ephemeral', replace_original: false, text: notice.text, blocks: notice.blocks });
  });
}
