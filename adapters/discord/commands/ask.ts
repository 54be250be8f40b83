import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { answerInteraction } from '../answering';
import { MAX_QUESTION_LENGTH, checkQuestion } from '../question';
import { DiscordLimits, truncate } from '../render';
import { replyPrivately } from '../respond';
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
      await replyPrivately(interaction, check.reply);
      return;
    }
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    await answerInteraction(interaction, ctx, check.question, ephemeral);
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
