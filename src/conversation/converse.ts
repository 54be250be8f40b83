import { randomUUID } from 'node:crypto';
import { buildHelp, type Help } from '../present/help';
import { checkMessage } from '../present/limits';
import { sourceLabel } from '../present/answer';
import { NOTICES } from '../present/texts';
import type { Answer, Platform } from '../types';
import type { ConversationCore, ConverseContext, Reply } from './core';
import { isHelpRequest, isMoreRequest } from './intents';
import { moreStep, shownByAnswer } from './more';
import { createRelatedFinder, passageIdOf, questionKey } from './related';
import { splitQuestions } from './split';
import type { ConversationStore, ConversationTurn } from './store';

/** Turns read back per message: enough for follow-ups and for not suggesting what was already asked. */
export const RECENT_TURNS = 10;

/** The conversation layer: follow-ups, "more", several questions per message, related questions, help. */
export interface Conversation {
  /** Replies to one message in a conversation. Never rejects for any message; a store failure is thrown. */
  converse(message: string, context?: ConverseContext): Promise<Reply>;
  /** Help for one surface: topics grouped, how to ask, checked examples. */
  help(surface: Platform): Help;
}

/**
 * Creates the conversation layer over a core and a store of recent turns.
 * Policy, the same on every surface: a follow-up leans on the last question the bot answered in the conversation
 * (small talk and "I don't know" replies do not change what a conversation is about).
 */
export function createConversation(core: ConversationCore, store: ConversationStore, now: () => number = Date.now): Conversation {
  const relatedTo = createRelatedFinder(core);

  function help(surface: Platform): Help {
    return buildHelp(core.documents(), core.examples(), surface);
  }

  async function more(conversationId: string | undefined, turns: ConversationTurn[]): Promise<Reply> {
    const last = turns[turns.length - 1];
    const passage = last?.passageId ? core.passage(last.passageId) : undefined;
    if (!conversationId || !last || !passage) return { kind: 'notice', reason: 'more_without_answer', text: NOTICES.moreWithoutAnswer };
    const step = moreStep(passage, last.shown ?? 0, () => core.nextPassage(passage.id));
    if ('end' in step) return { kind: 'notice', reason: 'more_at_end', text: NOTICES.moreAtEnd(sourceLabel(step.passage.source)) };
    await store.updateLast(conversationId, { ...last, passageId: step.passage.id, shown: step.shown, at: now() });
    const answer: Answer = {
      id: randomUUID(),
      status: 'answered',
      kind: 'fact',
      answer: step.chunk,
      sources: [{ ...step.passage.source }],
      passage: step.passage.text,
      confidence: 1,
      related: [],
      understoodAs: last.understoodAs,
    };
    answer.related = relatedTo(answer, new Set(turns.flatMap((t) => [questionKey(t.question), questionKey(t.understoodAs)])));
    return { kind: 'answers', answers: [answer], asked: [last.question], continued: true };
  }

  async function converse(message: string, context: ConverseContext = {}): Promise<Reply> {
    const checked = checkMessage(message);
    if (checked.kind === 'too_long') return { kind: 'notice', reason: 'too_long', text: NOTICES.tooLong(checked.length) };
    if (checked.kind === 'empty') return { kind: 'notice', reason: 'empty', text: NOTICES.empty(core.examples()[0]) };
    const text = checked.text;
    if (isHelpRequest(text)) return { kind: 'help', help: help(context.platform ?? 'api') };
    const { conversationId } = context;
    const turns = conversationId ? await store.recent(conversationId, RECENT_TURNS) : [];
    if (isMoreRequest(text)) return more(conversationId, turns);

    const asked = new Set(turns.flatMap((t) => [questionKey(t.question), questionKey(t.understoodAs)]));
    let previous = [...turns].reverse().find((t) => t.status === 'answered')?.understoodAs;
    // A question picked from a list (a related-question button, a number in the terminal) is one question.
    const parts = core.examples().includes(text) ? [text] : splitQuestions(text);
    const answers: Answer[] = [];
    for (const part of parts) asked.add(questionKey(part));
    for (const part of parts) {
      const answer = core.ask(part, { ...(context.platform ? { platform: context.platform } : {}), ...(context.userId ? { userId: context.userId } : {}), ...(conversationId ? { conversationId } : {}), ...(previous ? { previousQuestion: previous } : {}) });
      asked.add(questionKey(answer.understoodAs));
      if (answer.status !== 'chitchat') answer.related = relatedTo(answer, asked);
      else answer.related = answer.related.filter((q) => !asked.has(questionKey(q)));
      // One reply does not suggest the same question twice.
      for (const q of answer.related) asked.add(questionKey(q));
      answers.push(answer);
      if (answer.status === 'answered') previous = answer.understoodAs;
      if (conversationId) {
        const passageId = answer.status === 'answered' ? passageIdOf(answer) : undefined;
        await store.append(conversationId, {
          question: part,
          understoodAs: answer.understoodAs,
          answerId: answer.id,
          status: answer.status,
          kind: answer.kind,
          ...(passageId ? { passageId, shown: shownByAnswer(answer.answer, answer.passage) } : {}),
          at: now(),
        });
      }
    }
    return { kind: 'answers', answers, asked: parts };
  }

  return { converse, help };
}
