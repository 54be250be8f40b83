import type { Message, RepliableInteraction } from 'discord.js';
import type { Reply } from '../../src/conversation';
import { renderReply, type RenderedMessage } from './render';
import { respond } from './respond';
import type { BotContext } from './types';

/** The conversation ids of Discord: a reply chain (named by the message that started it) or a DM channel. */
export const conversationIds = {
  chain: (channelId: string, firstMessageId: string) => `discord:${channelId}:${firstMessageId}`,
  dm: (channelId: string) => `discord:dm:${channelId}`,
};

/** Who asked, and in which conversation. */
export interface Asker {
  userId: string;
  conversationId: string;
}

/** Replies to a message through the shared conversation layer and renders the reply. */
export async function answerQuestion(ctx: BotContext, text: string, asker: Asker): Promise<{ reply: Reply; message: RenderedMessage }> {
  const started = performance.now();
  const reply = await ctx.qa.converse(text, { platform: 'discord', userId: asker.userId, conversationId: asker.conversationId });
  ctx.memory.askLatency.record(performance.now() - started);
  return { reply, message: renderReply(reply) };
}

/**
 * Whether the next answer may take long: when recent answers came close to the deferral budget,
 * the interaction is deferred before asking.
 */
export function answerMayBeSlow(ctx: BotContext): boolean {
  return ctx.memory.askLatency.slowest() >= ctx.options.deferAfterMs / 2;
}

/**
 * Remembers a posted reply: its conversation (replies to the message continue it) and related questions too long for a button id.
 * @param posted the bot's message, when Discord returned it
 */
export function rememberReply(ctx: BotContext, posted: Message | undefined, conversationId: string, reply: Reply): void {
  if (posted) ctx.memory.conversationByMessage.set(posted.id, conversationId);
  if (reply.kind === 'answers') for (const answer of reply.answers) if (answer.related.length > 0) ctx.memory.relatedByAnswer.set(answer.id, answer.related);
  if (reply.kind === 'help') ctx.memory.relatedByAnswer.set('help', reply.help.examples);
}

/**
 * Answers a question asked through an interaction (`/ask`, a related-question button), deferring when it may be slow.
 * @param ephemeral whether only the asker sees the answer (nobody can reply to a private answer, so it is not remembered)
 */
export async function answerInteraction(interaction: RepliableInteraction, ctx: BotContext, question: string, ephemeral: boolean, conversationId: string): Promise<void> {
  let reply: Reply | undefined;
  const posted = await respond(
    interaction,
    ctx,
    async () => {
      const result = await answerQuestion(ctx, question, { userId: interaction.user.id, conversationId });
      reply = result.reply;
      return result.message;
    },
    { ephemeral, deferFirst: answerMayBeSlow(ctx) },
  );
  if (reply) rememberReply(ctx, ephemeral ? undefined : posted, conversationId, reply);
}
