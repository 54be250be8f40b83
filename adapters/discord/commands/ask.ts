import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Answer } from '../../../src/types';
import { answerQuestion, rememberAnswer } from '../answering';
import { MAX_QUESTION_LENGTH, checkQuestion } from '../question';
import { DiscordLimits, renderNotice, truncate } from '../render';
import { respond } from '../respond';
import type { Command } from '../types';

const MAX_CHOICES = 25;

/** `/ask question:<text> [private:<true|false>]`, with autocomplete from the knowledge's example questions. */
export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the network; the answer cites its sources')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, e.g. "Who chairs the network?"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer (default: everyone in the channel)'))
    .toJSON(),

  async execute(interaction, ctx) {
    const check = checkQuestion(interaction.options.getString('question', true), ctx.qa.examples(1));
    if (!check.ok) {
      await respond(interaction, ctx, () => renderNotice(check.reply), true);
      return;
    }
    const ephemeral = interaction.options.getBoolean('private') ?? false;
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
    // Nobody can reply to a private answer, so only public ones are remembered for follow-ups.
    if (answer) rememberAnswer(ctx, ephemeral ? undefined : posted, check.question, answer);
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().trim();
    const questions = typed === '' ? ctx.qa.examples(MAX_CHOICES) : ctx.qa.suggest(typed, MAX_CHOICES);
    const seen = new Set<string>();
    const choices = [];
    for (const question of questions) {
      const value = truncate(question.trim(), DiscordLimits.choiceName);
      if (value === '' || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name: value, value });
      if (choices.length === MAX_CHOICES) break;
    }
    await interaction.respond(choices);
  },
} satisfies Command;
