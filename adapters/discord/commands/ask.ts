import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../../src/present';
import { answerInteraction, conversationIds } from '../answering';
import { DiscordLimits, truncate } from '../render';
import type { Command } from '../types';

const MAX_CHOICES = 25;

/** `/ask question:<text> [private:<true|false>]`, with autocomplete ranking the questions the knowledge answers. */
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
        .setMaxLength(MAX_QUESTION_CHARS)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer (default: everyone in the channel)'))
    .toJSON(),

  async execute(interaction, ctx) {
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    // Each /ask starts a conversation; replies to its answer continue it.
    const conversationId = interaction.inGuild() ? conversationIds.chain(interaction.channelId, interaction.id) : conversationIds.dm(interaction.channelId);
    await answerInteraction(interaction, ctx, interaction.options.getString('question', true), ephemeral, conversationId);
  },

  async autocomplete(interaction, ctx) {
    const questions = ctx.qa.suggest(interaction.options.getFocused(), MAX_CHOICES);
    const seen = new Set<string>();
    const choices = [];
    for (const question of questions) {
      const value = truncate(question.trim(), DiscordLimits.choiceName);
      if (value === '' || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name: value, value });
    }
    await interaction.respond(choices);
  },
} satisfies Command;
