import type { App } from '@slack/bolt';
import type { SlackDeps } from '../conversation';
import { conversationIds, replyToText } from '../conversation';
import { postReply } from './post';

/** Message subtypes that carry a new message from a person; edits, deletions, joins and bot posts are skipped. */
const ANSWERED_SUBTYPES = new Set<string | undefined>([undefined, 'file_share', 'thread_broadcast']);

/**
 * A direct message to the bot: answered in the DM (in its thread when the message is in one).
 * Channel chatter is ignored: in channels the bot answers only @mentions (see app-mention.ts).
 * Emoji-only DMs (a 👍 after an answer) get no reply.
 */
export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client }) => {
    if (event.channel_type !== 'im' || !ANSWERED_SUBTYPES.has(event.subtype)) return;
    if (!('user' in event) || !event.user || event.user === deps.botUserId) return;
    if ('bot_id' in event && event.bot_id) return;
    if (!deps.once.firstTime(`msg:${event.channel}:${event.ts}`)) return;
    const threadTs = 'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined;
    // Top-level DMs form one conversation; a thread inside the DM is its own.
    const conversationId = threadTs ? conversationIds.thread(event.channel, threadTs) : conversationIds.dm(event.channel);
    const files = 'files' in event && Array.isArray(event.files) && event.files.length > 0;
    const reply = await replyToText(deps, 'text' in event ? event.text : undefined, {
      userId: event.user,
      conversationId,
      onEmpty: null,
      hasFiles: files,
    });
    if (reply) await postReply(client, deps, { channel: event.channel, ...(threadTs ? { thread_ts: threadTs } : {}) }, reply.message);
  });
}
