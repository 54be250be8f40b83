import { Events } from 'discord.js';
import type { Message } from 'discord.js';
import { describeError } from '../../../src/errors';
import { answerQuestion, rememberAnswer } from '../answering';
import { checkQuestion, questionFromContent } from '../question';
import { renderNotice } from '../render';
import { ERROR_NOTICE } from '../respond';
import type { BotContext, BotEvent } from '../types';

/** The question the bot answered in the message this one replies to, if it remembers one. */
function previousQuestionOf(message: Message, ctx: BotContext): string | undefined {
  const repliedTo = message.reference?.messageId;
  return repliedTo ? ctx.memory.questionByMessage.get(repliedTo) : undefined;
}

/**
 * Answers @mentions in channels, direct messages, and replies to the bot's answers (as follow-ups).
 * Without the Message Content intent Discord delivers content only for these, so nothing else is read.
 */
export const messageCreate = {
  name: Events.MessageCreate,
  async execute(ctx, message) {
    if (message.author.bot || message.system || message.webhookId) return;
    const botId = message.client.user.id;
    const previousQuestion = previousQuestionOf(message, ctx);
    // People often pick the bot's own integration role from the @ menu instead of the bot user.
    const mentioned = message.mentions.users.has(botId) || message.mentions.roles.some((role) => role.tags?.botId === botId);
    const direct = !message.inGuild();
    const followUp = previousQuestion !== undefined && message.content.trim() !== '';
    if (!direct && !mentioned && !followUp) return; // channel chatter

    try {
      const check = checkQuestion(questionFromContent(message.content, botId), ctx.qa.examples(1));
      if (!check.ok) {
        await message.reply(renderNotice(check.reply));
        return;
      }
      const { answer, message: reply } = answerQuestion(ctx, check.question, { userId: message.author.id, previousQuestion });
      const posted = await message.reply(reply);
      rememberAnswer(ctx, posted, check.question, answer);
    } catch (error) {
      ctx.logger.error({ code: 'discord_handler_failed', event: 'messageCreate', error: describeError(error) }, 'Discord message handler failed');
      // A message cannot be answered privately in a channel; the reply stays short and says nothing of the cause.
      await message.reply(renderNotice(ERROR_NOTICE)).catch((replyError: unknown) => {
        ctx.logger.warn({ code: 'discord_error_reply_failed', error: describeError(replyError) }, 'Could not tell the user about an error');
      });
    }
  },
} satisfies BotEvent<Events.MessageCreate>;
