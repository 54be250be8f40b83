import type { Reply as CoreReply } from '../../src/conversation';
import { NOTICES } from '../../src/present';
import type { QA } from '../../src/qa';
import type { Answer, Logger } from '../../src/types';
import { BoundedMap } from '../../src/util/bounded-map';
import type { Responder } from './listeners/post';
import { renderHelp, renderNotice, renderReply, type RenderOptions, type SlackMessage } from './render';
import { Once } from './state';
import { toPlainText } from './text';

/** Answers kept for "Share in channel" (an ephemeral answer is shared at most this long after). */
const SHAREABLE_ANSWERS = 1000;
/** Message and click ids remembered against duplicate deliveries. */
const REMEMBERED_IDS = 5000;

/** What every listener needs; built once in `app.ts`. */
export interface SlackDeps {
  qa: QA;
  logger: Logger;
  /** The bot's own user id, from `auth.test`. */
  botUserId: string;
  /** Users allowed to run `/kb …`. */
  maintainers: ReadonlySet<string>;
  /** First answer id of a private reply → the reply and its questions, for "Share in channel". */
  answers: BoundedMap<string, { asked: string[]; answers: Answer[] }>;
  /** Messages and clicks already handled (duplicate deliveries, double clicks). */
  once: Once;
  /** Replies through a response URL, retried on 429 / 5xx / network errors; never rejects. */
  respond: Responder;
}

/** Creates the bounded state the listeners share. */
export function createDeps(qa: QA, logger: Logger, botUserId: string, maintainers: string[], respond: Responder): SlackDeps {
  return { respond, qa, logger, botUserId, maintainers: new Set(maintainers), answers: new BoundedMap(SHAREABLE_ANSWERS), once: new Once(REMEMBERED_IDS) };
}

/** The Slack message for one user message (absent when it needs no reply), and the core's reply. */
export interface Reply {
  message: SlackMessage;
  reply?: CoreReply;
}

/** Where a message came from. */
export interface Asked {
  userId?: string;
  /** The conversation (thread, DM) it belongs to: follow-ups and "more" are read in it. */
  conversationId: string;
  /** A message with no question: help, silence (`null`, an emoji-only DM), or by default a short notice. */
  onEmpty?: 'help' | null;
  /** Whether the message carried files (which the bot cannot read). */
  hasFiles?: boolean;
  render?: RenderOptions;
  /** Show the question above the answer (when the asker's own message is not visible). */
  showQuestion?: boolean;
}

/** The conversation id of a Slack thread, a DM, or a user's private `/ask` replies in a channel. */
export const conversationIds = {
  thread: (channel: string, root: string) => `slack:${channel}:${root}`,
  dm: (channel: string) => `slack:${channel}`,
  private: (channel: string, user: string) => `slack:${channel}:private:${user}`,
};

/**
 * Replies to a Slack message text (mrkdwn) through the shared conversation layer.
 * @returns null when the message needs no reply
 */
export async function replyToText(deps: SlackDeps, text: string | undefined, asked: Asked): Promise<Reply | null> {
  const raw = text ?? '';
  // Slack's markup is removed first; limits and the empty check are the shared ones, in `converse`.
  const plain = raw.length > 10_000 ? raw : toPlainText(raw, deps.botUserId);
  const reply = await deps.qa.converse(plain, { conversationId: asked.conversationId, platform: 'slack', ...(asked.userId ? { userId: asked.userId } : {}) });
  if (reply.kind === 'notice' && reply.reason === 'empty') {
    if (asked.hasFiles) return { message: renderNotice(NOTICES.filesOnly) };
    if (asked.onEmpty === null) return null;
    if (asked.onEmpty === 'help') return { message: renderHelp(deps.qa.help('slack')) };
  }
  if (reply.kind === 'answers' && asked.render?.shareable) deps.answers.set(reply.answers[0].id, { asked: reply.asked, answers: reply.answers });
  const render = asked.showQuestion ? { ...asked.render, question: reply.kind === 'answers' ? reply.asked.join(' ') : plain } : asked.render;
  return { message: renderReply(reply, render), reply };
}
