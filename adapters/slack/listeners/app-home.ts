import type { App, types } from '@slack/bolt';
import { describeError } from '../../../src/errors';
import { KB_TEXTS, LABELS } from '../../../src/present';
import type { SlackDeps } from '../conversation';
import { redactSecrets } from '../logger';
import { helpBlocks, statsBlocks } from '../render';

/**
 * The App Home tab: what the bot knows (topics), how to ask, examples; maintainers (`SLACK_MAINTAINERS`)
 * also see the `/kb stats` figures. Published each time someone opens the tab, so it follows reloads.
 */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const blocks: types.KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: LABELS.botName } }, ...helpBlocks(deps.qa.help('slack'))];
    if (deps.maintainers.has(event.user)) {
      blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: KB_TEXTS.homeHeading } }, ...statsBlocks({ ...deps.qa.stats(), answerRate: await deps.qa.answerRate() }));
    }
    try {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    } catch (error) {
      deps.logger.warn({ code: 'slack_post_failed', method: 'views.publish', error: redactSecrets(describeError(error)) }, 'Could not publish the App Home tab');
    }
  });
}
