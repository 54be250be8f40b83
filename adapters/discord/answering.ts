import type { Message, RepliableInteraction } from 'discord.js';
import type { Answer } from '../../src/types';
import { renderAnswer, type RenderedMessage } from './render';
import { respond } from './respond';
import type { BotContext } from './types';

/** Who asked, and the earlier question when this one follows up on an answer. */
export interface Asker {
  userId: string;
  previousQuestion?: string;
}

/** Asks the core and renders its answer; the answer is kept for {@link rememberAnswer}. */
export function answerQuestion(ctx: BotContext, question: string, asker: Asker): { answer: Answer; message: RenderedMessage } {
  const started = performance.now();
  const answer = ctx.qa.ask(question, {
    platform: 'discord',
    userId: asker.userId,
    ...(asker.previousQuestion ? { previousQuestion: asker.previousQuestion } : {}),
  });
  ctx.memory.askLatency.record(performance.now() - started);
  return { answer, message: renderAnswer(answer, question) };
}

/**
 * Whether the next answer may take long: `ask` is synchronous, so a timer cannot interrupt it to defer;
 * when recent answers came close to the deferral budget, the interaction is deferred before asking.
 */
export function answerMayBeSlow(ctx: BotContext): boolean {
  return ctx.memory.askLatency.slowest() >= ctx.options.deferAfterMs / 2;
}

/**
 * Remembers a posted answer: its question (for replies to the message) and its related questions (for buttons).
 * @param posted the bot's message, when Discord returned it
 */
export function rememberAnswer(ctx: BotContext, posted: Message | undefined, question: string, answer: Answer): void {
  if (posted) ctx.memory.questionByMessage.set(posted.id, answer.understoodAs?.trim() || question);
  if (answer.related.length > 0) ctx.memory.relatedByAnswer.set(answer.id, answer.related);
}

/**
 * Answers a question asked through an interaction (`/ask`, a related-question button), deferring when it may be slow.
 * @param ephemeral whether only the asker sees the answer (private answers are not remembered: nobody can reply to them)
 */
export async function answerInteraction(interaction: RepliableInteraction, ctx: BotContext, question: string, ephemeral: boolean): Promise<void> {
  let answer: Answer | undefined;
  const posted = await respond(
    interaction,
    ctx,
    () => {
      const result = answerQuestion(ctx, question, { userId: interaction.user.id });
      answer = result.answer;
      return result.message;
    },
    { ephemeral, deferFirst: answerMayBeSlow(ctx) },
  );
  if (answer) rememberAnswer(ctx, ephemeral ? undefined : posted, question, answer);
}
