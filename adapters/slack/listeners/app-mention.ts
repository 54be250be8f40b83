import type { App } from '@slack/bolt';
import type { SlackDeps } from '../conversation';
import { conversationIds, replyToText } from '../conversation';
import { postReply } from './post';

/**
 * An @mention in a channel: answered in that message's thread, in the context of the thread's earlier question.
 * Bots (the bot itself included) and edited messages are ignored.
 */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client }) => {
    if (event.bot_id || event.subtype || !event.user || 'edited' in event) return;
    if (!deps.once.firstTime(`msg:${event.channel}:${event.ts}`)) return;
    const root = event.thread_ts ?? event.ts;
    const reply = await replyToText(deps, event.text, {
      userId: event.user,
      conversationId: conversationIds.thread(event.channel, root),
      onEmpty: 'help',
      hasFiles: Array.isArray(event.files) && event.files.length > 0,
    });
    if (reply) await postReply(client, deps, { channel: event.channel, thread_ts: root }, reply.message);
  });
}
