import { ButtonStyle, ComponentType, escapeMarkdown } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Source, Vote } from '../../src/types';

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
const MAX_SOURCES = 3;

/** Cuts text to `max` characters, ending with "…" when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
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

function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    // Parentheses and spaces would end a masked link early.
    return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  } catch {
    return undefined;
  }
}

function sourceLine(source: Source): string {
  const label = `${source.heading ? `${source.title} › ${source.heading}` : source.title}${source.page ? `, p. ${source.page}` : ''}`;
  const url = safeUrl(source.url);
  if (url) return `[${escapeDiscord(truncate(label, 150)).replace(/[[\]]/g, '\\$&')}](${url})`;
  return `${escapeDiscord(truncate(label, 150))} (${escapeDiscord(source.file)}, ${source.page ? `p. ${source.page}` : `line ${source.line}`})`;
}

/** The Sources field: one line per cited document, the whole field within Discord's field limit. */
function sourcesField(sources: Source[]): APIEmbedField | undefined {
  const lines: string[] = [];
  let length = 0;
  for (const source of sources.slice(0, MAX_SOURCES)) {
    const line = `• ${sourceLine(source)}`;
    if (length + line.length + 1 > DiscordLimits.embedFieldValue) break;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.length > 0 ? { name: sources.length > 1 ? 'Sources' : 'Source', value: lines.join('\n') } : undefined;
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

function buttons(answer: Answer): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  if (answer.status === 'answered' && ButtonIds.feedback('down', answer.id).length <= DiscordLimits.customId) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ButtonIds.feedback('up', answer.id), emoji: { name: '👍' }, label: 'Helpful' },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ButtonIds.feedback('down', answer.id), emoji: { name: '👎' }, label: 'Not helpful' },
      ],
    });
  }
  const related = answer.related
    .slice(0, 3)
    .map((question, index) => ({ question: question.trim(), index }))
    .filter(({ question }) => question !== '');
  if (related.length > 0 && ButtonIds.related('x'.repeat(200), answer.id, 0).length <= DiscordLimits.customId) {
    rows.push({
      type: ComponentType.ActionRow,
      components: related.map(({ question, index }) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: ButtonIds.related(question, answer.id, index),
        // Button labels are plain text: no escaping needed, only the length limit.
        label: truncate(question, DiscordLimits.buttonLabel),
      })),
    });
  }
  return rows;
}

/**
 * Renders the core's answer as one Discord message: an embed with the answer, its sources
 * (linked when the document has a `url`) or the human contact, and feedback / related-question buttons.
 * @param answer what `qa.ask` returned
 * @param asked the question as the user typed it (a footer shows how a follow-up was understood)
 */
export function renderAnswer(answer: Answer, asked?: string): RenderedMessage {
  const embed: APIEmbed = {
    color: COLOURS[answer.status],
    description: truncate(escapeDiscord(answer.answer.trim() || '…'), DiscordLimits.embedDescription),
  };
  const fields: APIEmbedField[] = [];
  if (answer.status === 'answered') {
    const sources = sourcesField(answer.sources);
    if (sources) fields.push(sources);
  }
  if (answer.status === 'no_answer' && answer.contact) {
    fields.push({ name: 'Ask a person', value: truncate(escapeDiscord(answer.contact), DiscordLimits.embedFieldValue) });
  }
  if (fields.length > 0) embed.fields = fields;
  const understood = answer.understoodAs?.trim();
  if (asked !== undefined && understood && understood.toLowerCase() !== asked.trim().toLowerCase()) {
    // Footers do not render markdown, so no escaping, only the length.
    embed.footer = { text: truncate(`Understood as: ${understood}`, 300) };
  }
  return { embeds: [embed], components: buttons(answer), allowedMentions: NO_MENTIONS };
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
