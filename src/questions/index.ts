/** The maintainers' question log and report. */
export { QuestionLog, openQuestionLog, defaultQuestionLogOptions } from './log';
export type { QuestionLogOptions, QuestionEntry, FeedbackContext, QuestionLogContents, PruneResult } from './log';
export type { QuestionRecord, FeedbackRecord, LogRecord, LoggedQuestion } from './records';
export { buildReport, formatReport, percentile } from './report';
export type { ReportOptions } from './report';
export { groupQuestions, normaliseQuestion, topicWords, wordSetSimilarity } from './similarity';
export { loadOrCreateSalt, hashUser } from './salt';
export { questionLogSettingsFromEnv } from './config';
export type { QuestionLogSettings } from './config';
