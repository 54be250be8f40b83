import type { AnswerKind, AnswerStatus } from '../types';

/** One exchange of a conversation, as the conversation layer remembers it. */
export interface ConversationTurn {
  /** The message as the user typed it. */
  question: string;
  /** The question as the core understood it (a follow-up rewritten with its context). */
  understoodAs: string;
  /** `Answer.id` of the reply. */
  answerId: string;
  status: AnswerStatus;
  kind: AnswerKind;
  /** Id of the passage the answer came from (`file#line`), for "tell me more". */
  passageId?: string;
  /** How much of the passage or section "more" has shown so far (characters, or passages past the first). */
  shown?: number;
  /** When the turn happened (ms since the epoch). */
  at: number;
}

/**
 * Where the conversation layer keeps recent turns per conversation: in memory for one process,
 * SQLite for several processes on one host, PostgreSQL for several replicas.
 * Every implementation bounds what it keeps and forgets turns older than its expiry.
 */
export interface ConversationStore {
  /** The last `limit` unexpired turns of a conversation, oldest first ([] for an unknown id). */
  recent(conversationId: string, limit: number): Promise<ConversationTurn[]>;
  /** Adds a turn at the end of a conversation. */
  append(conversationId: string, turn: ConversationTurn): Promise<void>;
  /** Replaces the last turn of a conversation (after "more" advanced it). No-op for an unknown id. */
  updateLast(conversationId: string, turn: ConversationTurn): Promise<void>;
  close(): Promise<void>;
}

/** Bounds shared by every store implementation. */
export interface ConversationStoreOptions {
  /** Turns kept per conversation. @defaultValue 10 */
  turnsPerConversation?: number;
  /** Forget a conversation this long after its last turn (ms). @defaultValue 1 hour */
  expiryMs?: number;
  /** Conversations kept at most (memory store). @defaultValue 10 000 */
  maxConversations?: number;
}

export const defaultConversationStoreOptions = {
  turnsPerConversation: 10,
  expiryMs: 60 * 60 * 1000,
  maxConversations: 10_000,
} as const satisfies Required<ConversationStoreOptions>;
