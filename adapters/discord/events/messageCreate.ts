import { Events } from 'discord.js';
import type { Message } from 'discord.js';
import { describeError } from '../../../src/errors';
import { NOTICES } from '../../../src/present';
import { answerQuestion, conversationIds, rememberReply } from '../answering';
import { questionFromContent } from '../question';
import { renderNotice } from '../render';
import type { BotContext, BotEvent } from '../types';

/** The conversation a reply to one of the bot's answers continues, if the bot remembers that answer. */
function continuedConversation(message: Message, ctx: BotContext): string | undefined {
  const repliedTo = message.reference?.messageId;
  return repliedTo ? ctx.memory.conversationByMessage.get(repliedTo) : undefined;
}

/**
 * Answers @mentions in channels, direct messages, and replies to the bot's answers (which continue their conversation).
 * Without the Message Content intent Discord delivers content only for these, so nothing else is read.
 */
export const messageCreate = {
  name: Events.MessageCreate,
  async execute(ctx, message) {
    if (message.author.bot || message.system || message.webhookId) return;
    const botId = message.client.user.id;
    const continued = continuedConversation(message, ctx);
    // People often pick the bot's own integration role from the @ menu instead of the bot user.
    const mentioned = message.mentions.users.has(botId) || message.mentions.roles.some((role) => role.tags?.botId === botId);
    const direct = !message.inGuild();
    const followUp = continued !== undefined && message.content.trim() !== '';
    if (!direct && !mentioned && !followUp) return; // channel chatter

    try {
      const conversationId = continued ?? (direct ? conversationIds.dm(message.channelId) : conversationIds.chain(message.channelId, message.id));
      const { reply, message: rendered } = await answerQuestion(ctx, questionFromContent(message.content, botId), { userId: message.author.id, conversationId });
      const posted = await message.reply(rendered);
      rememberReply(ctx, posted, conversationId, reply);
    } catch (error) {
      ctx.logger.error({ code: 'discord_handler_failed', event: 'messageCreate', error: describeError(error) }, 'Discord message handler failed');
      // A message cannot be answered privately in a channel; the reply stays short and says nothing of the cause.
      await message.reply(renderNotice(NOTICES.error)).catch((replyError: unknown) => {
        ctx.logger.warn({ code: 'discord_error_reply_failed', error: describeError(replyError) }, 'Could not tell the user about an error');
      });
    }
  },
} satisfies BotEvent<Events.MessageCreate>;
