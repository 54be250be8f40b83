import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction, GuildMember, APIInteractionGuildMember } from 'discord.js';
import { KB_TEXTS, kbReload, kbStats, kbUnanswered, MAX_LISTED, warningLines } from '../../../src/present';
import { escapeDiscord, renderNotice, truncate, DiscordLimits } from '../render';
import { replyPrivately, respond } from '../respond';
import type { BotContext, Command } from '../types';

/** Shown to anyone who is not a maintainer; nothing runs. */
export const MAINTAINERS_ONLY = KB_TEXTS.refusal;

function roleIds(member: GuildMember | APIInteractionGuildMember | null): string[] {
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
}

/** Maintainers are members with a role in DISCORD_MAINTAINER_ROLE_IDS or the Manage Server permission. */
export function isMaintainer(interaction: ChatInputCommandInteraction, ctx: BotContext): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = roleIds(interaction.member);
  return ctx.config.maintainerRoleIds.some((role) => roles.includes(role));
}

function problemLines(problems: Array<{ where: string; message: string }>, more: number): string[] {
  const lines = problems.map((p) => `• \`${p.where.replace(/`/g, "'")}\` ${escapeDiscord(truncate(p.message, 200))}`);
  if (more > 0) lines.push(KB_TEXTS.more(more));
  return lines;
}

async function reindex(ctx: BotContext): Promise<string> {
  const outcome = kbReload(await ctx.qa.reload());
  return [`${outcome.ok ? '✅' : '⚠️'} ${outcome.head}`, ...(outcome.problems.length ? ['', ...problemLines(outcome.problems, outcome.more)] : [])].join('\n');
}

async function stats(ctx: BotContext): Promise<string> {
  const s = { ...ctx.qa.stats(), answerRate: await ctx.qa.answerRate() };
  const lines = kbStats(s).map((f) => `**${f.label}:** ${escapeDiscord(f.value)}`);
  if (s.warnings.length > 0) lines.push('', ...problemLines(warningLines(s.warnings), Math.max(0, s.warnings.length - MAX_LISTED)));
  return lines.join('\n');
}

async function unanswered(ctx: BotContext, days: number): Promise<string> {
  const { head, items } = kbUnanswered(await ctx.qa.report(days), days);
  return [head, ...items.map((item, i) => `${i + 1}. ${escapeDiscord(truncate(item, 150))}`)].join('\n');
}

/** `/kb reindex|stats|unanswered`: the maintainers' commands, hidden from members without Manage Server. */
export const kb = {
  data: new SlashCommandBuilder()
    .setName('kb')
    .setDescription('Knowledge base maintenance (maintainers only)')
    // Hidden from everyone without Manage Server; admins can grant it to maintainer roles in Server Settings › Integrations.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) => sub.setName('reindex').setDescription('Rebuild the index from the knowledge folder now'))
    .addSubcommand((sub) => sub.setName('stats').setDescription('Documents, passages, index age and answer rate'))
    .addSubcommand((sub) =>
      sub
        .setName('unanswered')
        .setDescription('The questions the bot could not answer, most frequent first')
        .addIntegerOption((option) => option.setName('days').setDescription('How far back to look (default 7)').setMinValue(1).setMaxValue(365)),
    )
    .toJSON(),

  async execute(interaction, ctx) {
    if (!isMaintainer(interaction, ctx)) {
      ctx.logger.info({ code: 'discord_kb_refused', subcommand: interaction.options.getSubcommand(false) }, 'Refused /kb to a non-maintainer');
      await replyPrivately(interaction, MAINTAINERS_ONLY);
      return;
    }
    const subcommand = interaction.options.getSubcommand(true);
    const work = async (): Promise<string> => {
      switch (subcommand) {
        case 'reindex':
          return reindex(ctx);
        case 'stats':
          return stats(ctx);
        case 'unanswered':
          return unanswered(ctx, interaction.options.getInteger('days') ?? 7);
        default:
          return KB_TEXTS.usage;
      }
    };
    await respond(interaction, ctx, async () => renderNotice(truncate(await work(), DiscordLimits.content)), { ephemeral: true });
  },
} satisfies Command;
