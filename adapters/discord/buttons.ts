import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import { answerInteraction } from './answering';
import { checkQuestion } from './question';
import { parseButtonId } from './render';
import { replyPrivately } from './respond';
import type { BotContext } from './types';

/** Handles the buttons under an answer: 👍/👎 feedback and related questions. */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = parseButtonId(interaction.customId);
  if (!action) {
    await replyPrivately(interaction, 'This button no longer works. Ask again with `/ask`.');
    return;
  }

  if (action.kind === 'feedback') {
    const key = `${action.answerId}:${interaction.user.id}`;
    if (ctx.memory.votes.has(key)) {
      await replyPrivately(interaction, 'You already rated this answer. Thank you!');
      return;
    }
    ctx.qa.feedback(action.answerId, action.vote, { platform: 'discord', userId: interaction.user.id });
    ctx.memory.votes.set(key, true);
    const thanks =
      action.vote === 'up' ? 'Thanks for the 👍!' : 'Thanks for the 👎. The maintainers will see that this answer needs work.';
    await replyPrivately(interaction, thanks);
    return;
  }

  const question = action.kind === 'ask' ? action.question : ctx.memory.relatedByAnswer.get(action.answerId)?.[action.index];
  if (!question) {
    await replyPrivately(interaction, 'This suggestion has expired. Ask it again with `/ask`.');
    return;
  }
  const check = checkQuestion(question, []);
  if (!check.ok) {
    await replyPrivately(interaction, check.reply);
    return;
  }
  // A related question under a private answer is answered privately too.
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  await answerInteraction(interaction, ctx, check.question, ephemeral);
}
