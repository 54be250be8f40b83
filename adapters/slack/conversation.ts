import type { QA } from '../../src/qa';
import type { Answer, Logger } from '../../src/types';
import type { Responder } from './listeners/post';
import { renderAnswer, renderHelp, renderNotice, type RenderOptions, type SlackMessage } from './render';
import { BoundedMap, Once } from './state';
import { MAX_QUESTION_CHARS, parseQuestion } from './text';

/** What every listener needs; built once in `app.ts`. */
export interface SlackDeps {
  qa: QA;
  logger: Logger;
  /** The bot's own user id, from `auth.test`. */
  botUserId: string;
  /** Users allowed to run `/kb …`. */
  maintainers: ReadonlySet<string>;
  /** Conversation key → the last question understood there, for follow-ups. */
  threads: BoundedMap<string, string>;
  /** Answer id → the answer and its question, for "Share in channel". */
  answers: BoundedMap<string, { question: string; answer: Answer }>;
  /** Messages and clicks already handled (duplicate deliveries, double clicks). */
  once: Once;
  /** Replies through a response URL, retried on 429 / 5xx / network errors; never rejects. */
  respond: Responder;
}

/** Creates the bounded state the listeners share. */
export function createDeps(qa: QA, logger: Logger, botUserId: string, maintainers: string[], respond: Responder): SlackDeps {
  return {
    respond,
    qa,
    logger,
    botUserId,
    maintainers: new Set(maintainers),
    threads: new BoundedMap(2000),
    answers: new BoundedMap(1000),
    once: new Once(5000),
  };
}

/** The reply to one message, and what was asked (absent when no question was asked). */
export interface Reply {
  message: SlackMessage;
  answer?: Answer;
  question?: string;
}

/** Where a question came from. */
export interface Asked {
  userId?: string;
  /** Key of the thread or conversation, for follow-ups; the reply is remembered under it. */
  threadKeys?: string[];
  /** What to say to a message that holds no question; `null` stays silent. */
  onEmpty?: 'help' | null;
  /** Whether the message carried files (which the bot cannot read). */
  hasFiles?: boolean;
  render?: RenderOptions;
  /** Show the question above the answer (when the asker's own message is not visible). */
  showQuestion?: boolean;
}

const FILES_NOTICE = 'I can only read text questions, not files. Please type your question.';

/**
 * Answers a Slack message text: help for an empty one, a short notice for an overlong one,
 * otherwise the core's answer, asked in the context of the thread's earlier question.
 * @returns null when the message needs no reply
 */
export function replyToText(deps: SlackDeps, text: string | undefined, asked: Asked): Reply | null {
  const parsed = parseQuestion(text, deps.botUserId);
  if (parsed.kind === 'too_long') {
    return { message: renderNotice(`That message is too long for me (${parsed.length} characters). Please ask one question in at most ${MAX_QUESTION_CHARS} characters.`) };
  }
  if (parsed.kind === 'empty') {
    if (asked.hasFiles) return { message: renderNotice(FILES_NOTICE) };
    if (asked.onEmpty === null) return null;
    return { message: renderHelp(deps.qa.examples(3)) };
  }
  return ask(deps, parsed.question, asked);
}

/** Asks the core one question (already plain text) and renders the answer. */
export function ask(deps: SlackDeps, question: string, asked: Asked): Reply {
  const keys = asked.threadKeys ?? [];
  const previousQuestion = keys.map((key) => deps.threads.get(key)).find((q) => q !== undefined);
  const answer = deps.qa.ask(question, {
    platform: 'slack',
    ...(asked.userId ? { userId: asked.userId } : {}),
    ...(previousQuestion ? { previousQuestion } : {}),
  });
  // Small talk ("thanks!") does not change what the thread is about.
  if (answer.status !== 'chitchat') {
    for (const key of keys) deps.threads.set(key, answer.understoodAs || question);
  }
  deps.answers.set(answer.id, { question, answer });
  const render = asked.showQuestion ? { ...asked.render, question } : asked.render;
  return { message: renderAnswer(answer, render), answer, question };
}
