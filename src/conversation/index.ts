/** The conversation layer: what a message means given the recent turns of its conversation. */
export { createConversation, RECENT_TURNS, type Conversation } from './converse';
export type { ConversationCore, ConverseContext, NoticeReason, Reply } from './core';
export { isHelpRequest, isMoreRequest } from './intents';
export { splitQuestions, MAX_PARTS } from './split';
export { createMemoryConversationStore } from './memory-store';
export type { ConversationStore, ConversationStoreOptions, ConversationTurn } from './store';
export { rankSuggestions } from './suggest';
