import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, time, TimestampStyles } from 'discord.js';
import type { ChatInputCommandInteraction, GuildMember, APIInteractionGuildMember } from 'discord.js';
import type { KnowledgeWarning } from '../../../src/types';
import { escapeDiscord, renderNotice, truncate, DiscordLimits } from '../render';
import { replyPrivately, respond } from '../respond';
import type { BotContext, Command } from '../types';

/** Shown to anyone who is not a maintainer; nothing runs. */
export const MAINTAINERS_ONLY = 'Sorry, `/kb` is only for the maintainers of the knowledge. You can still ask me anything with `/ask`.';

const MAX_LISTED = 10;

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

function warningLines(warnings: KnowledgeWarning[]): string[] {
  const lines = warnings.slice(0, MAX_LISTED).map((w) => `• \`${w.file.replace(/`/g, "'")}:${w.line}\` ${escapeDiscord(truncate(w.message, 200))}`);
  if (warnings.length > MAX_LISTED) lines.push(`…and ${warnings.length - MAX_LISTED} more (see the log).`);
  return lines;
}

function percent(rate: number | null): string {
  return rate === null ? 'no questions yet' : `${Math.round(rate * 100)}%`;
}

async function reindex(ctx: BotContext): Promise<string> {
  const result = await ctx.qa.reload();
  const { documents, passages } = result.stats;
  const head = result.ok
    ? `✅ Reindexed: ${documents} documents, ${passages} passages. New questions are answered from the new index.`
    : '⚠️ The new index could not be built, so I kept serving the previous one.';
  const warnings = result.warnings.length > 0 ? ['', result.ok ? 'Skipped documents:' : 'What is wrong:', ...warningLines(result.warnings)] : [];
  return [head, ...warnings].join('\n');
}

async function stats(ctx: BotContext): Promise<string> {
  const s = { ...ctx.qa.stats(), answerRate: await ctx.qa.answerRate() };
  const builtAt = new Date(s.builtAt);
  const age = Number.isNaN(builtAt.getTime()) ? 'unknown' : `${time(builtAt, TimestampStyles.RelativeTime)} (${time(builtAt, TimestampStyles.ShortDateTime)})`;
  const lines = [
    `📚 ${s.documents} documents, ${s.passages} passages${s.languages.length > 0 ? ` (${s.languages.join(', ')})` : ''}`,
    `🕒 Index built ${age}${s.loadedFromDisk ? ', loaded from disk' : ''}`,
    `✅ Answer rate: ${percent(s.answerRate)}`,
  ];
  if (s.warnings.length > 0) lines.push('', `⚠️ ${s.warnings.length} document problems:`, ...warningLines(s.warnings));
  return lines.join('\n');
}

async function unanswered(ctx: BotContext, days: number): Promise<string> {
  const report = await ctx.qa.report(days);
  if (report.needsWork.length === 0) return `Nothing unanswered or 👎-rated in the last ${days} days (${report.questions} questions, answer rate ${percent(report.questions > 0 ? report.answerRate : null)}).`;
  const lines = [`Unanswered or 👎-rated in the last ${days} days, most frequent first (${report.questions} questions, answer rate ${percent(report.answerRate)}):`];
  for (const [i, group] of report.needsWork.slice(0, MAX_LISTED).entries()) {
    const variants = group.variants.length > 0 ? ` (+${group.variants.length} similar)` : '';
    lines.push(`${i + 1}. ${escapeDiscord(truncate(group.question, 150))} — ×${group.count}${variants}`);
  }
  return lines.join('\n');
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
          return `I don't know \`/kb ${escapeDiscord(subcommand)}\`. Try \`/kb reindex\`, \`/kb stats\` or \`/kb unanswered\`.`;
      }
    };
    await respond(interaction, ctx, async () => renderNotice(truncate(await work(), DiscordLimits.content)), { ephemeral: true });
  },
} satisfies Command;
