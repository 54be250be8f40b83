import type { App } from '@slack/bolt';
import { describeError } from '../../../src/errors';
import { KB_TEXTS } from '../../../src/present';
import type { ReloadResult } from '../../../src/qa';
import type { SlackDeps } from '../conversation';
import { renderNotice, renderReload, renderStats, renderUnanswered, type SlackMessage } from '../render';


/**
 * `/kb reindex | stats | unanswered` for maintainers (`SLACK_MAINTAINERS`).
 * Anyone else gets a polite refusal and nothing runs. Replies are ephemeral.
 */
export function registerKbCommand(app: App, deps: SlackDeps): void {
  let reloading: Promise<ReloadResult> | undefined;

  app.command('/kb', async ({ command, ack }) => {
    if (!deps.maintainers.has(command.user_id)) {
      deps.logger.info({ code: 'slack_kb_refused' }, 'Refused /kb for a user not in SLACK_MAINTAINERS');
      await ack(ephemeral(renderNotice(KB_TEXTS.refusal)));
      return;
    }
    const sub = command.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    switch (sub) {
      case 'stats':
        await ack(ephemeral(await attempt(deps, 'stats', async () => renderStats({ ...deps.qa.stats(), answerRate: await deps.qa.answerRate() }))));
        return;
      case 'unanswered':
        await ack(ephemeral(await attempt(deps, 'unanswered', async () => renderUnanswered(await deps.qa.report(7), 7))));
        return;
      case 'reindex': {
        await ack(ephemeral(renderNotice(KB_TEXTS.reindexing)));
        // Two maintainers asking at once share one rebuild.
        reloading ??= deps.qa.reload().finally(() => {
          reloading = undefined;
        });
        let message: SlackMessage;
        try {
          message = renderReload(await reloading);
        } catch (error) {
          deps.logger.error({ code: 'slack_kb_failed', command: 'reindex', error: describeError(error) }, 'Reindex from Slack failed');
          message = renderNotice(KB_TEXTS.failed('reindex', describeError(error)));
        }
        deps.logger.info({ code: 'slack_kb_reindex' }, 'Reindex requested from Slack finished');
        await deps.respond(command.response_url, { response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
        return;
      }
      default:
        await ack(ephemeral(renderNotice(KB_TEXTS.usage)));
    }
  });
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, text: message.text, blocks: message.blocks };
}

async function attempt(deps: SlackDeps, what: string, render: () => Promise<SlackMessage>): Promise<SlackMessage> {
  try {
    return await render();
  } catch (error) {
    deps.logger.error({ code: 'slack_kb_failed', command: what, error: describeError(error) }, `/kb ${what} failed`);
    return renderNotice(KB_TEXTS.failed(what, describeError(error)));
  }
}
