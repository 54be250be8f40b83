import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { rememberReply } from '../answering';
import { renderHelp } from '../render';
import type { Command } from '../types';

/** `/help`: what the bot knows (topics), how to ask, checked examples; only the asker sees it. */
export const help = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What the bot knows, how to ask, and example questions (only you see it)')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .toJSON(),

  async execute(interaction, ctx) {
    const content = ctx.qa.help('discord');
    rememberReply(ctx, undefined, '', { kind: 'help', help: content });
    await interaction.reply({ ...renderHelp(content), flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
