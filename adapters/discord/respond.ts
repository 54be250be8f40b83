import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DiscordAPIError, MessageFlags } from 'discord.js';
import type { Message, RepliableInteraction } from 'discord.js';
import { describeError } from '../../src/errors';
import { NOTICES } from '../../src/present';
import { renderNotice, type RenderedMessage } from './render';
import type { BotContext } from './types';

/** Shown to a user when a handler fails; details go to the log only. */
export const ERROR_NOTICE = NOTICES.error;

/**
 * Answers an interaction within Discord's 3-second window: replies directly when the message is ready
 * in time, otherwise defers ("thinking…") and edits the reply once it is.
 * @param interaction the command or button interaction to answer
 * @param ctx the bot context (for `deferAfterMs`)
 * @param work produces the reply; may be slow or asynchronous
 * @param options `ephemeral`: only the user sees the reply; `deferFirst`: defer before starting the work
 * @returns the message posted, when Discord returned it (public replies), for follow-ups
 */
export async function respond(
  interaction: RepliableInteraction,
  ctx: BotContext,
  work: () => RenderedMessage | Promise<RenderedMessage>,
  options: { ephemeral: boolean; deferFirst?: boolean },
): Promise<Message | undefined> {
  const { ephemeral, deferFirst = false } = options;
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  // An interaction that waited in a busy event loop has less of its 3 seconds left.
  const age = Math.max(0, Date.now() - interaction.createdTimestamp);
  const budget = deferFirst ? 0 : Math.max(0, ctx.options.deferAfterMs - age);

  if (budget === 0) {
    await interaction.deferReply({ flags });
    const message = await work();
    return interaction.editReply({ ...message, content: message.content ?? null });
  }
  const pending = (async () => {
    await yieldToEventLoop(); // lets the defer timer start before the work
    return work();
  })();
  // Observed below either way; this keeps a failure during the defer request from going unhandled.
  pending.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budget);
  });
  const first = await Promise.race([pending, late]).finally(() => clearTimeout(timer));

  if (first === 'late') {
    await interaction.deferReply({ flags });
    const message = await pending;
    return interaction.editReply({ ...message, content: message.content ?? null });
  }
  const response = await interaction.reply({ ...first, flags, withResponse: true });
  return response.resource?.message ?? undefined;
}

/**
 * The adapter's error boundary for interactions: logs the error and tells the user briefly and privately.
 * Never throws.
 */
export async function replyWithError(interaction: RepliableInteraction, ctx: BotContext, error: unknown): Promise<void> {
  ctx.logger.error({ code: 'discord_handler_failed', interactionType: interaction.type, error: describeError(error) }, 'Discord interaction handler failed');
  const notice = { ...renderNotice(ERROR_NOTICE), flags: MessageFlags.Ephemeral as const };
  try {
    if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
      await interaction.editReply(renderNotice(ERROR_NOTICE));
    } else if (interaction.deferred && !interaction.replied) {
      // A public "thinking…" placeholder is removed so the error stays private.
      await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp(notice);
    } else if (interaction.replied) {
      await interaction.followUp(notice);
    } else {
      await interaction.reply(notice);
    }
  } catch (replyError) {
    // The interaction may have expired (10062) or the network may be down: the log is all that is left.
    const code = replyError instanceof DiscordAPIError ? replyError.code : undefined;
    ctx.logger.warn({ code: 'discord_error_reply_failed', discordCode: code, error: describeError(replyError) }, 'Could not tell the user about an error');
  }
}

/** A short private reply (refusals, bad input, thanks), within the content limit. */
export async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  await interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
}
