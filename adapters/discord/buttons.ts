import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import type { Answer } from '../../src/types';
import { answerQuestion, rememberAnswer } from './answering';
import { checkQuestion } from './question';
import { parseButtonId, renderNotice } from './render';
import { respond } from './respond';
import type { BotContext } from './types';

/** Handles the buttons under an answer: 👍/👎 feedback and related questions. */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = parseButtonId(interaction.customId);
  if (!action) {
    await respond(interaction, ctx, () => renderNotice('This button no longer works. Ask again with `/ask`.'), true);
    return;
  }

  if (action.kind === 'feedback') {
    const key = `${action.answerId}:${interaction.user.id}`;
    if (ctx.memory.votes.has(key)) {
      await respond(interaction, ctx, () => renderNotice('You already rated this answer. Thank you!'), true);
      return;
    }
    ctx.qa.feedback(action.answerId, action.vote, { platform: 'discord', userId: interaction.user.id });
    ctx.memory.votes.set(key, true);
    const thanks =
      action.vote === 'up' ? 'Thanks for the 👍!' : 'Thanks for the 👎. The maintainers will see that this answer needs work.';
    await respond(interaction, ctx, () => renderNotice(thanks), true);
    return;
  }

  const question = action.kind === 'ask' ? action.question : ctx.memory.relatedByAnswer.get(action.answerId)?.[action.index];
  if (!question) {
    await respond(interaction, ctx, () => renderNotice('This suggestion has expired. Ask it again with `/ask`.'), true);
    return;
  }
  const check = checkQuestion(question, []);
  if (!check.ok) {
    await respond(interaction, ctx, () => renderNotice(check.reply), true);
    return;
  }
  // A related question under a private answer is answered privately too.
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  let answer: Answer | undefined;
  const posted = await respond(
    interaction,
    ctx,
    () => {
      const result = answerQuestion(ctx, check.question, { userId: interaction.user.id });
      answer = result.answer;
      return result.message;
    },
    ephemeral,
  );
  if (answer) rememberAnswer(ctx, ephemeral ? undefined : posted, check.question, answer);
}
