import type { types } from '@slack/bolt';
import type { Answer, KnowledgeStats, QuestionReport, Source } from '../../src/types';
import type { ReloadResult } from '../../src/qa';

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

/**
 * Shortens text to at most `limit` characters with an ellipsis, never cutting an entity such as `&amp;` in half.
 * @param limit maximum length including the ellipsis
 */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - 1);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  // Do not leave half of a surrogate pair (emoji) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
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

/** The sources line: one entry per document, best first, title linked when the document has a `url`. */
export function renderSources(sources: Source[]): string | undefined {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const source of sources) {
    if (seen.has(source.file)) continue;
    seen.add(source.file);
    const where = `${source.heading ? `${source.title} › ${source.heading}` : source.title}${source.page ? `, p. ${source.page}` : ''}`;
    parts.push(link(source.url, where));
    if (parts.length === 3) break;
  }
  return parts.length ? `:page_facing_up: ${parts.join('  ·  ')}` : undefined;
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

/**
 * Builds the Block Kit reply for an answer: the text, its sources, the human contact for `no_answer`,
 * related questions as buttons and 👍 / 👎 feedback buttons.
 * @param answer what the core returned
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const blocks: types.KnownBlock[] = [];
  if (options.sharedBy && options.question !== undefined) {
    blocks.push(context(`<@${options.sharedBy.replace(/[^A-Z0-9]/gi, '')}> asked: ${escapeMrkdwn(options.question)}`));
  } else if (options.question !== undefined) {
    blocks.push(context(`:grey_question: ${escapeMrkdwn(options.question)}`));
  }

  const body = escapeMrkdwn(answer.answer);
  blocks.push(section(body));
  if (answer.status === 'no_answer' && answer.contact) {
    blocks.push(section(`:bust_in_silhouette: *Ask a person:* ${escapeMrkdwn(answer.contact)}`));
  }

  const sources = renderSources(answer.sources);
  if (sources) blocks.push(context(sources));

  if (answer.related.length > 0) {
    blocks.push(context('*Related questions*'));
    blocks.push({
      type: 'actions',
      block_id: 'related',
      elements: answer.related.slice(0, 3).map((question, i) => button(`related_${i}`, question, question)),
    });
  }

  const feedback = options.feedback ?? answer.status !== 'chitchat';
  const controls: types.Button[] = [];
  if (options.shareable) controls.push(button(ACTIONS.share, 'Share in channel', answer.id, 'primary'));
  if (feedback) {
    controls.push(button(ACTIONS.feedbackUp, '👍 Helpful', answer.id));
    controls.push(button(ACTIONS.feedbackDown, '👎 Not helpful', answer.id));
  }
  if (controls.length) blocks.push({ type: 'actions', block_id: 'controls', elements: controls });

  const contact = answer.status === 'no_answer' && answer.contact ? `\nAsk a person: ${escapeMrkdwn(answer.contact)}` : '';
  return { text: truncate(body + contact, LIMITS.fallbackText), blocks };
}

/** A short message with no buttons (help, refusals, errors), escaped. */
export function renderNotice(text: string, extra?: string[]): SlackMessage {
  const body = escapeMrkdwn(text);
  const blocks: types.KnownBlock[] = [section(body)];
  if (extra && extra.length) blocks.push(context(extra.map((line) => `• ${escapeMrkdwn(line)}`).join('\n')));
  return { text: truncate(body, LIMITS.fallbackText), blocks };
}

/** Help shown for an empty question: what the bot does and a few questions it can answer. */
export function renderHelp(examples: string[], lead = 'Ask me a question about the EUROCITIES network.'): SlackMessage {
  const blocks: types.KnownBlock[] = [section(escapeMrkdwn(lead))];
  if (examples.length) {
    blocks.push(context('*For example*'));
    blocks.push({
      type: 'actions',
      block_id: 'related',
      elements: examples.slice(0, 3).map((question, i) => button(`related_${i}`, question, question)),
    });
  }
  return { text: escapeMrkdwn(lead), blocks };
}

/** `/kb stats` for maintainers. */
export function renderStats(stats: KnowledgeStats & { answerRate: number | null }): SlackMessage {
  const rate = stats.answerRate === null ? 'no questions yet' : `${Math.round(stats.answerRate * 100)}%`;
  const lines = [
    `*Documents:* ${stats.documents}`,
    `*Passages:* ${stats.passages}`,
    `*Languages:* ${escapeMrkdwn(stats.languages.join(', ') || '–')}`,
    `*Index built:* ${escapeMrkdwn(stats.builtAt)} (${describeAge(stats.builtAt)})`,
    `*Answer rate:* ${rate}`,
  ];
  if (stats.warnings.length) lines.push(`*Warnings:* ${stats.warnings.length} (run \`/kb reindex\` to see them)`);
  return { text: lines.join('\n'), blocks: [section(lines.join('\n'))] };
}

function describeAge(iso: string): string {
  const ms = Date.now() - Date.parse(iso);
  if (!Number.isFinite(ms)) return 'unknown age';
  const minutes = Math.max(0, Math.round(ms / 60000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** `/kb reindex` result: counts, and every problem with its file and line. */
export function renderReload(result: ReloadResult): SlackMessage {
  const head = result.ok
    ? `:white_check_mark: Reindexed: ${result.stats.documents} documents, ${result.stats.passages} passages.`
    : ':warning: Reindex failed; the bot keeps answering from the last good index.';
  const problems = result.warnings.slice(0, 20).map((w) => `• \`${escapeMrkdwn(w.file)}:${w.line}\` ${escapeMrkdwn(w.message)}`);
  if (result.warnings.length > 20) problems.push(`…and ${result.warnings.length - 20} more`);
  const blocks: types.KnownBlock[] = [section(head)];
  if (problems.length) blocks.push(section(problems.join('\n')));
  return { text: truncate([head, ...problems].join('\n'), LIMITS.fallbackText), blocks };
}

/** `/kb unanswered`: the top of the report's "needs work" list. */
export function renderUnanswered(report: QuestionReport, limit = 10): SlackMessage {
  const head = `*Questions since ${escapeMrkdwn(report.since.slice(0, 10))}:* ${report.questions}, answered ${Math.round(report.answerRate * 100)}%`;
  const groups = report.needsWork.slice(0, limit).map((g, i) => `${i + 1}. ${escapeMrkdwn(g.question)} (×${g.count})`);
  const body = groups.length ? groups.join('\n') : 'Nothing unanswered or 👎-rated. :tada:';
  return { text: truncate(`${head}\n${body}`, LIMITS.fallbackText), blocks: [section(head), section(`*Needs work*\n${body}`)] };
}
