import { ButtonStyle, ComponentType, escapeMarkdown } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import type { Reply } from '../../src/conversation';
import { LABELS, presentAnswer, sourceLabel, truncate as cut, type Help, type SourceLine } from '../../src/present';
import type { Answer, Vote } from '../../src/types';

/** Discord's published limits for one message. */
export const DiscordLimits = {
  content: 2000,
  embedDescription: 4096,
  embedTitle: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  choiceName: 100,
} as const;

/** Mentions are never parsed and replies do not ping their author: the bot pings nobody, whatever the knowledge or the user wrote. */
export const NO_MENTIONS = { parse: [] as [], repliedUser: false };

/** A message body ready for `reply`, `editReply` or `channel.send`. */
export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_MENTIONS;
}

const COLOURS: Record<Answer['status'], number> = { answered: 0x2e7d32, no_answer: 0xf9a825, chitchat: 0x5865f2 };
const HELP_COLOUR = 0x5865f2;
/** Discord allows five rows of buttons per message. */
const MAX_ROWS = 5;

/** Cuts text to `max` characters, ending with "…" when it was cut (the shared truncation). */
export function truncate(text: string, max: number): string {
  return cut(text, max);
}

/**
 * Escapes Discord markdown and mention syntax in plain text, keeping "- " list lines as lists.
 * @param text plain text from the knowledge or from a user
 */
export function escapeDiscord(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, numberedList: true, maskedLink: true, bulletedList: false });
  return escaped
    .replace(/^(\s*)>/gm, '$1\\>') // block quotes
    .replace(/<(?=[@#:]|a:|t:|\/)/g, '\\<'); // <@user>, <#channel>, <:emoji:>, <t:time>, </command:id>
}

/** A text-only message (notices, refusals, errors), within the content limit. */
export function renderNotice(text: string): RenderedMessage {
  return { content: truncate(text, DiscordLimits.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

function sourceText(source: SourceLine): string {
  const label = escapeDiscord(truncate(sourceLabel(source), 150));
  // Parentheses and spaces would end a masked link early.
  const url = source.url?.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  if (url) return `[${label.replace(/[[\]]/g, '\\$&')}](${url}) (${source.where})`;
  return `${label} (${escapeDiscord(source.file)}, ${source.where})`;
}

/** The Sources field: one line per cited document, the whole field within Discord's field limit. */
function sourcesField(sources: SourceLine[]): APIEmbedField | undefined {
  const lines: string[] = [];
  let length = 0;
  for (const source of sources) {
    const line = `• ${sourceText(source)}`;
    if (length + line.length + 1 > DiscordLimits.embedFieldValue) break;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.length > 0 ? { name: sources.length > 1 ? LABELS.sources : LABELS.source, value: lines.join('\n') } : undefined;
}

/** Custom ids of the buttons under an answer. */
export const ButtonIds = {
  feedback: (vote: Vote, answerId: string) => `fb:${vote}:${answerId}`,
  /** A related question travels in the id when it fits (survives restarts), else by index into the answer's memory. */
  related: (question: string, answerId: string, index: number) => {
    const inline = `ask:${question}`;
    return inline.length <= DiscordLimits.customId ? inline : `rel:${index}:${answerId}`;
  },
} as const;

/** What a button's custom id asks for, or `null` for an id this bot did not make. */
export type ButtonAction =
  | { kind: 'feedback'; vote: Vote; answerId: string }
  | { kind: 'ask'; question: string }
  | { kind: 'related'; answerId: string; index: number };

/** Parses a custom id made by {@link ButtonIds}. */
export function parseButtonId(customId: string): ButtonAction | null {
  const feedback = /^fb:(up|down):(.+)$/.exec(customId);
  if (feedback) return { kind: 'feedback', vote: feedback[1] as Vote, answerId: feedback[2] };
  if (customId.startsWith('ask:') && customId.length > 4) return { kind: 'ask', question: customId.slice(4) };
  const related = /^rel:(\d):(.+)$/.exec(customId);
  if (related) return { kind: 'related', index: Number(related[1]), answerId: related[2] };
  return null;
}

function feedbackRow(answer: Answer, number?: number): APIActionRowComponent<APIButtonComponent> | undefined {
  if (!presentAnswer(answer).feedback || ButtonIds.feedback('down', answer.id).length > DiscordLimits.customId) return undefined;
  const suffix = number === undefined ? '' : ` (${number})`;
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ButtonIds.feedback('up', answer.id), emoji: { name: '👍' }, label: `${LABELS.helpful}${suffix}` },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ButtonIds.feedback('down', answer.id), emoji: { name: '👎' }, label: `${LABELS.notHelpful}${suffix}` },
    ],
  };
}

function relatedRow(related: Array<{ question: string; answerId: string; index: number }>): APIActionRowComponent<APIButtonComponent> | undefined {
  if (related.length === 0) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: related.slice(0, 5).map(({ question, answerId, index }) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: ButtonIds.related(question, answerId, index),
      // Button labels are plain text: no escaping needed, only the length limit.
      label: truncate(question, DiscordLimits.buttonLabel),
    })),
  };
}

function answerEmbed(answer: Answer, asked: string | undefined, title?: string): APIEmbed {
  const parts = presentAnswer(answer, asked);
  const note = parts.translatedNote ? `\n*(${escapeDiscord(parts.translatedNote)})*` : '';
  const embed: APIEmbed = { color: COLOURS[answer.status], description: truncate(escapeDiscord(parts.text.trim() || '…') + note, DiscordLimits.embedDescription) };
  if (title) embed.title = truncate(title, DiscordLimits.embedTitle);
  const fields: APIEmbedField[] = [];
  const sources = sourcesField(parts.sources);
  if (sources) fields.push(sources);
  if (parts.contact) fields.push({ name: LABELS.askPerson, value: truncate(escapeDiscord(parts.contact), DiscordLimits.embedFieldValue) });
  if (fields.length > 0) embed.fields = fields;
  // Footers do not render markdown, so no escaping, only the length.
  if (parts.understoodAs) embed.footer = { text: truncate(`${LABELS.understoodAs}: ${parts.understoodAs}`, 300) };
  return embed;
}

/**
 * Renders the core's answer as one Discord message: an embed with the answer, its sources
 * (linked when the document has a `url`) or the human contact, and feedback / related-question buttons.
 * @param answer what the core returned
 * @param asked the question as the user typed it (a footer shows how a follow-up was understood)
 */
export function renderAnswer(answer: Answer, asked?: string): RenderedMessage {
  return renderReply({ kind: 'answers', answers: [answer], asked: [asked ?? answer.understoodAs] });
}

/**
 * A whole reply: one embed per answer (several questions in one message, each titled with its question),
 * 👍/👎 per answer, and the related questions of all of them in one row; help; or a notice.
 */
export function renderReply(reply: Reply): RenderedMessage {
  if (reply.kind === 'notice') return renderNotice(reply.text);
  if (reply.kind === 'help') return renderHelp(reply.help);
  const several = reply.answers.length > 1;
  const embeds = reply.answers.map((answer, i) => answerEmbed(answer, reply.asked[i], several ? reply.asked[i] : undefined));
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  reply.answers.forEach((answer, i) => {
    const row = feedbackRow(answer, several ? i + 1 : undefined);
    if (row && rows.length < MAX_ROWS - 1) rows.push(row);
  });
  const seen = new Set<string>();
  const related = reply.answers.flatMap((answer) =>
    presentAnswer(answer).related.flatMap((question, index) => (seen.has(question) ? [] : (seen.add(question), [{ question, answerId: answer.id, index }]))),
  );
  const row = relatedRow(related);
  if (row) rows.push(row);
  return { embeds, components: rows, allowedMentions: NO_MENTIONS };
}

/** Help: what the bot knows (topics by group), how to ask, commands, examples. */
export function renderHelp(help: Help): RenderedMessage {
  const field = (name: string, lines: string[]): APIEmbedField => ({ name, value: truncate(lines.join('\n'), DiscordLimits.embedFieldValue) });
  const fields = [
    ...help.topics.map((group) => field(`${LABELS.topics}: ${group.name}`, group.titles.map((t) => `• ${escapeDiscord(t)}`))),
    field(LABELS.howToAsk, help.howToAsk.map((line) => `• ${escapeDiscord(line)}`)),
    ...(help.commands.length ? [field(LABELS.commands, help.commands.map(([command, what]) => `\`${command.replace(/`/g, "'")}\` ${escapeDiscord(what)}`))] : []),
    ...(help.examples.length ? [field(LABELS.examples, help.examples.map((q) => `• ${escapeDiscord(q)}`))] : []),
  ];
  const embed: APIEmbed = { color: HELP_COLOUR, description: truncate(escapeDiscord(help.intro), DiscordLimits.embedDescription), fields };
  const related = relatedRow(help.examples.slice(0, 5).map((question, index) => ({ question, answerId: 'help', index })));
  return { embeds: [embed], components: related ? [related] : [], allowedMentions: NO_MENTIONS };
}

/** Total characters Discord counts against the 6,000 limit of an embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
