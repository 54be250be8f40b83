import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import { NOTICES, voteThanks } from '../../src/present';
import { answerInteraction, conversationIds } from './answering';
import { parseButtonId } from './render';
import { replyPrivately } from './respond';
import type { BotContext } from './types';

/** Handles the buttons under an answer: 👍/👎 feedback (a person's last vote counts) and related questions. */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = parseButtonId(interaction.customId);
  if (!action) {
    await replyPrivately(interaction, NOTICES.expiredButton);
    return;
  }

  if (action.kind === 'feedback') {
    ctx.qa.feedback(action.answerId, action.vote, { platform: 'discord', userId: interaction.user.id });
    await replyPrivately(interaction, voteThanks(action.vote));
    return;
  }

  const question = action.kind === 'ask' ? action.question : ctx.memory.relatedByAnswer.get(action.answerId)?.[action.index];
  if (!question) {
    await replyPrivately(interaction, NOTICES.expiredSuggestion);
    return;
  }
  // A related question under a private answer is answered privately too; under a public one it continues that conversation.
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const conversationId =
    ctx.memory.conversationByMessage.get(interaction.message.id) ??
    (interaction.inGuild() ? conversationIds.chain(interaction.channelId, interaction.message.id) : conversationIds.dm(interaction.channelId));
  await answerInteraction(interaction, ctx, question, ephemeral, conversationId);
}
