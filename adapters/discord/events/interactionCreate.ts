import { Events, MessageFlags } from 'discord.js';
import { describeError } from '../../../src/errors';
import { NOTICES } from '../../../src/present';
import { handleButton } from '../buttons';
import { commands } from '../commands';
import { renderNotice } from '../render';
import { replyPrivately, replyWithError } from '../respond';
import type { BotEvent } from '../types';

/** Dispatches slash commands, autocomplete and buttons; the error boundary for all of them. */
export const interactionCreate = {
  name: Events.InteractionCreate,
  async execute(ctx, interaction) {
    if (interaction.isAutocomplete()) {
      try {
        const command = commands.get(interaction.commandName);
        if (command?.autocomplete) await command.autocomplete(interaction, ctx);
        else await interaction.respond([]);
      } catch (error) {
        ctx.logger.warn({ code: 'discord_autocomplete_failed', error: describeError(error) }, 'Autocomplete failed');
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
      return;
    }
    if (!interaction.isRepliable()) return;
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (command) await command.execute(interaction, ctx);
        else await replyPrivately(interaction, NOTICES.unknownCommand(interaction.commandName));
      } else if (interaction.isButton()) {
        await handleButton(interaction, ctx);
      } else {
        await interaction.reply({ ...renderNotice(NOTICES.cannotHandle), flags: MessageFlags.Ephemeral });
      }
    } catch (error) {
      await replyWithError(interaction, ctx, error);
    }
  },
} satisfies BotEvent<Events.InteractionCreate>;
