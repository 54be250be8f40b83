/** network-qa's question-answering core: the public API, exported by name. */
export { createQA, defaultQAOptions, openIndex } from './qa';
export type { QA, QAOptions, ReloadResult } from './qa';
export { createAnswerer, MAX_ANSWER_CHARS, MAX_QUESTION_CHARS } from './answer/answerer';
export type { Answerer, AnswererOptions } from './answer/answerer';
export { convertDocument, loadKnowledge, loadKnowledgeSync, fingerprintFiles, listKnowledgeFiles } from './knowledge/load';
export type { LoadedKnowledge } from './knowledge/load';
export { buildIndex } from './search/build';
export type { SearchIndex } from './search/build';
export { saveIndex, loadIndex } from './search/store';
export { writeFileAtomic } from './files';
export { readCoreConfig } from './config';
export type { CoreConfig } from './config';
export { ConfigError, NetworkQaError, describeError } from './errors';
export { createLogger, silentLogger } from './log';
export * from './types';
export { createConversation, createMemoryConversationStore } from './conversation';
export type { Conversation, ConversationCore, ConversationStore, ConversationStoreOptions, ConversationTurn, ConverseContext, Reply } from './conversation';
