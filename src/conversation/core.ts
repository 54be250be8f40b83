import type { Help, TopicDocument } from '../present/help';
import type { Answer, AskContext, Passage, Platform } from '../types';

/** What the conversation layer needs from the core (`createQA` provides it; adapter tests may use a fake). */
export interface ConversationCore {
  /** Answers one question (recorded in the question log). */
  ask(question: string, context: AskContext): Answer;
  /** Answers without recording: used to place example questions near answers. */
  lookup(question: string): Answer;
  /** Example questions, each checked to be answerable. */
  examples(): string[];
  /** A passage by id (`file#line`), for "more". */
  passage(id: string): Passage | undefined;
  /** The next passage of the same section, for "more" after the first passage ran out. */
  nextPassage(id: string): Passage | undefined;
  /** The documents of the knowledge, for help's list of topics. */
  documents(): TopicDocument[];
  /** Changes whenever the knowledge is reloaded (caches built from the index are dropped then). */
  version(): string;
}

/** Who is talking, and where. */
export interface ConverseContext {
  /** The conversation (a Slack thread, a Discord reply chain or DM channel, a terminal session). Without one nothing is remembered. */
  conversationId?: string;
  platform?: Platform;
  userId?: string;
}

/** Why a reply is a notice rather than an answer. */
export type NoticeReason = 'empty' | 'too_long' | 'more_without_answer' | 'more_at_end';

/** The bot's reply to one message: answers (one per question asked), help, or a short notice. */
export type Reply =
  | {
      kind: 'answers';
      answers: Answer[];
      /** The question each answer replies to, as typed (the message split into its questions). */
      asked: string[];
      /** Set when the reply continues an earlier answer ("more"). */
      continued?: boolean;
    }
  | { kind: 'help'; help: Help }
  | { kind: 'notice'; reason: NoticeReason; text: string };
