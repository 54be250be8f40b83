import type { Message } from 'discord.js';
import type { Answer } from '../../src/types';
import { renderAnswer, type RenderedMessage } from './render';
import type { BotContext } from './types';

/** Who asked, and the earlier question when this one follows up on an answer. */
export interface Asker {
  userId: string;
  previousQuestion?: string;
}

/** Asks the core and renders its answer; the answer is kept for {@link rememberAnswer}. */
export function answerQuestion(ctx: BotContext, question: string, asker: Asker): { answer: Answer; message: RenderedMessage } {
  const answer = ctx.qa.ask(question, {
    platform: 'discord',
    userId: asker.userId,
    ...(asker.previousQuestion ? { previousQuestion: asker.previousQuestion } : {}),
  });
  return { answer, message: renderAnswer(answer, question) };
}

/**
 * Remembers a posted answer: its question (for replies to the message) and its related questions (for buttons).
 * @param posted the bot's message, when Discord returned it
 */
export function rememberAnswer(ctx: BotContext, posted: Message | undefined, question: string, answer: Answer): void {
  if (posted) ctx.memory.questionByMessage.set(posted.id, answer.understoodAs?.trim() || question);
  if (answer.related.length > 0) ctx.memory.relatedByAnswer.set(answer.id, answer.related);
}
