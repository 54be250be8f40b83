import type { types } from '@slack/bolt';
import type { Reply } from '../../src/conversation';
import { KB_TEXTS, kbReload, kbStats, kbUnanswered, LABELS, presentAnswer, sourceLabel, truncate as cut, type AnswerParts, type Help } from '../../src/present';
import type { ReloadResult } from '../../src/qa';
import type { Answer, KnowledgeStats, QuestionReport, Source } from '../../src/types';

/** A message ready for `chat.postMessage`, `respond()` or an `ack()` body. */
export interface SlackMessage {
  /** Fallback text for notifications and screen readers (mrkdwn, escaped). */
  text: string;
  blocks: types.KnownBlock[];
}

/** Block Kit limits this module keeps to (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  sectionText: 3000,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  fallbackText: 3000,
  contextElements: 10,
} as const;

/** Action ids the listeners register for; one place so render and listeners agree. */
export const ACTIONS = {
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  related: /^related_\d$/,
  share: 'share_answer',
} as const;

const WORD_JOINER = '\u2060';

/**
 * Escapes text for Slack mrkdwn and neutralises broadcast mentions.
 * `&`, `<`, `>` become entities, so `<!channel>`, `<@U…>` and links cannot be formed;
 * a word joiner after `@` keeps `@channel`, `@here` and `@everyone` from pinging even where Slack links names.
 * @param text plain text, e.g. from the knowledge or a user
 */
export function escapeMrkdwn(text: string): string {
  return neutraliseBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Plain-text fields (button labels) are not parsed by Slack, but a broadcast word is still defused there. */
export function plainText(text: string, limit: number): string {
  // Slack does not parse plain_text, but `<!channel>` is defused anyway in case a field is ever switched to mrkdwn.
  const defused = text.replace(/\s+/g, ' ').trim().replace(/<([!@#])/g, `<${WORD_JOINER}$1`);
  return truncate(neutraliseBroadcasts(defused), limit);
}

function neutraliseBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)/gi, `@${WORD_JOINER}$1`);
}

/** Shortens mrkdwn to `limit` characters (the shared truncation), never cutting an entity such as `&amp;` in half. */
export function truncate(text: string, limit: number): string {
  return cut(text, limit, /&[a-z]{0,4}$/);
}

function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
}

function context(mrkdwn: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.contextText) }] };
}

function button(actionId: string, label: string, value: string, style?: 'primary'): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: plainText(label, LIMITS.buttonText), emoji: true },
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** A link `<url|label>` when the url is a safe http(s) URL, else just the escaped label. */
function link(url: string | undefined, label: string): string {
  const text = escapeMrkdwn(label);
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return text;
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${text.replace(/\|/g, '¦')}>`;
}

/** The sources line: one entry per document, best first, title › heading linked to the document's `url`, and its line or page. */
export function renderSources(sources: Source[]): string | undefined {
  return sourcesLine(presentAnswer({ id: '', status: 'answered', kind: 'fact', answer: '', sources, passage: '', confidence: 0, related: [], understoodAs: '' }));
}

function sourcesLine(parts: AnswerParts): string | undefined {
  const entries = parts.sources.map((s) => `${link(s.url, sourceLabel(s))}, ${s.where}`);
  return entries.length ? `:page_facing_up: ${entries.join('  ·  ')}` : undefined;
}

/** How an answer is shown: where it goes decides which extra parts it gets. */
export interface RenderOptions {
  /** The question, shown above the answer when the asker's own message is not visible (ephemeral `/ask`). */
  question?: string;
  /** Who asked, shown when an answer is shared into a channel. */
  sharedBy?: string;
  /** Add the "Share in channel" button (ephemeral `/ask` answers). */
  shareable?: boolean;
  /** Add 👍 / 👎 buttons. @defaultValue true for answered and no_answer */
  feedback?: boolean;
}

/** The blocks of one answer; `n` (0-based) keeps block ids unique when a reply holds several answers. */
function answerBlocks(answer: Answer, options: RenderOptions, n: number, asked?: string): types.KnownBlock[] {
  const parts = presentAnswer(answer, asked);
  const suffix = n === 0 ? '' : `_${n + 1}`;
  const blocks: types.KnownBlock[] = [];
  if (options.sharedBy && options.question !== undefined && n === 0) {
    blocks.push(context(`<@${options.sharedBy.replace(/[^A-Z0-9]/gi, '')}> asked: ${escapeMrkdwn(options.question)}`));
  } else if (options.question !== undefined) {
    blocks.push(context(`:grey_question: ${escapeMrkdwn(asked ?? options.question)}`));
  }
  blocks.push(section(escapeMrkdwn(parts.text)));
  if (parts.translatedNote) blocks.push(context(`_${escapeMrkdwn(parts.translatedNote)}_`));
  if (parts.contact) blocks.push(section(`:bust_in_silhouette: *${LABELS.askPerson}:* ${escapeMrkdwn(parts.contact)}`));
  const sources = sourcesLine(parts);
  if (sources) blocks.push(context(sources));
  if (parts.related.length > 0) {
    blocks.push(context(`*${LABELS.related}*`));
    blocks.push({ type: 'actions', block_id: `related${suffix}`, elements: parts.related.map((question, i) => button(`related_${i}`, question, question)) });
  }
  const controls: types.Button[] = [];
  if (options.shareable && n === 0) controls.push(button(ACTIONS.share, LABELS.share, answer.id, 'primary'));
  if (options.feedback ?? parts.feedback) {
    controls.push(button(ACTIONS.feedbackUp, `👍 ${LABELS.helpful}`, answer.id));
    controls.push(button(ACTIONS.feedbackDown, `👎 ${LABELS.notHelpful}`, answer.id));
  }
  if (controls.length) blocks.push({ type: 'actions', block_id: `controls${suffix}`, elements: controls });
  return blocks;
}

function fallbackText(answer: Answer): string {
  const parts = presentAnswer(answer);
  return escapeMrkdwn(parts.text) + (parts.contact ? `\n${LABELS.askPerson}: ${escapeMrkdwn(parts.contact)}` : '');
}

/**
 * Builds the Block Kit reply for an answer: the text, its sources, the human contact for `no_answer`,
 * related questions as buttons and 👍 / 👎 feedback buttons (the shared policy decides which answers get them).
 * @param answer what the core returned
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  return { text: truncate(fallbackText(answer), LIMITS.fallbackText), blocks: answerBlocks(answer, options, 0) };
}

/** A whole reply: one block group per answer (several questions in one message), help, or a notice. */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  if (reply.kind === 'notice') return renderNotice(reply.text);
  if (reply.kind === 'help') return renderHelp(reply.help);
  const several = reply.answers.length > 1;
  const blocks = reply.answers.flatMap((answer, i) => {
    const group = answerBlocks(answer, several && options.question === undefined ? { ...options, question: reply.asked[i] } : options, i, several ? reply.asked[i] : undefined);
    return i > 0 ? [{ type: 'divider' } as types.KnownBlock, ...group] : group;
  });
  return { text: truncate(reply.answers.map(fallbackText).join('\n\n'), LIMITS.fallbackText), blocks };
}

/** A short message with no buttons (help, refusals, errors), escaped. */
export function renderNotice(text: string, extra?: string[]): SlackMessage {
  const body = escapeMrkdwn(text);
  const blocks: types.KnownBlock[] = [section(body)];
  if (extra && extra.length) blocks.push(context(extra.map((line) => `• ${escapeMrkdwn(line)}`).join('\n')));
  return { text: truncate(body, LIMITS.fallbackText), blocks };
}

/** Help: what the bot knows (topics by group), how to ask, commands, and example questions as buttons. */
export function helpBlocks(help: Help): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [section(escapeMrkdwn(help.intro))];
  if (help.topics.length) {
    blocks.push(section(`*${LABELS.topics}*\n${help.topics.map((g) => `• *${escapeMrkdwn(g.name)}:* ${escapeMrkdwn(g.titles.join('; '))}`).join('\n')}`));
  }
  blocks.push(section(`*${LABELS.howToAsk}*\n${[...help.howToAsk.map(escapeMrkdwn), ...help.commands.map(([c, what]) => `\`${escapeMrkdwn(c)}\` ${escapeMrkdwn(what)}`)].map((l) => `• ${l}`).join('\n')}`));
  if (help.examples.length) {
    blocks.push(context(`*${LABELS.examples}*`));
    blocks.push({ type: 'actions', block_id: 'related', elements: help.examples.slice(0, 5).map((question, i) => button(`related_${i}`, question, question)) });
  }
  return blocks;
}

/** Help as a message. */
export function renderHelp(help: Help): SlackMessage {
  return { text: truncate(escapeMrkdwn(help.intro), LIMITS.fallbackText), blocks: helpBlocks(help) };
}

/** `/kb stats` for maintainers (also on the App Home tab). */
export function statsBlocks(stats: KnowledgeStats & { answerRate: number | null }): types.KnownBlock[] {
  return [section(kbStats(stats).map((f) => `*${f.label}:* ${escapeMrkdwn(f.value)}`).join('\n'))];
}

/** `/kb stats` as a message. */
export function renderStats(stats: KnowledgeStats & { answerRate: number | null }): SlackMessage {
  const blocks = statsBlocks(stats);
  return { text: (blocks[0] as types.SectionBlock).text!.text, blocks };
}

/** `/kb reindex` result: counts, and every problem with its file and line. */
export function renderReload(result: ReloadResult): SlackMessage {
  const outcome = kbReload(result);
  const head = `${outcome.ok ? ':white_check_mark:' : ':warning:'} ${escapeMrkdwn(outcome.head)}`;
  const problems = outcome.problems.map((p) => `• \`${escapeMrkdwn(p.where)}\` ${escapeMrkdwn(p.message)}`);
  if (outcome.more) problems.push(KB_TEXTS.more(outcome.more));
  const blocks: types.KnownBlock[] = [section(head)];
  if (problems.length) blocks.push(section(problems.join('\n')));
  return { text: truncate([head, ...problems].join('\n'), LIMITS.fallbackText), blocks };
}

/** `/kb unanswered`: the top of the report's "needs work" list. */
export function renderUnanswered(report: QuestionReport, days = 7): SlackMessage {
  const { head, items } = kbUnanswered(report, days);
  const body = [escapeMrkdwn(head), ...items.map((item, i) => `${i + 1}. ${escapeMrkdwn(item)}`)].join('\n');
  return { text: truncate(body, LIMITS.fallbackText), blocks: [section(body)] };
}
