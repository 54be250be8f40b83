/** The maintainers' question log and report. */
export { QuestionLog, openQuestionLog, defaultQuestionLogOptions } from './log';
export type { QuestionLogOptions, QuestionEntry, FeedbackContext, QuestionLogContents } from './log';
export type { QuestionRecord, FeedbackRecord, LogRecord, LoggedQuestion } from './records';
export { buildReport, buildReportFromPages, formatReport, percentile } from './report';
export type { ReportOptions } from './report';
export { groupQuestions, groupQuestionsInSlices, normaliseQuestion, topicWords, wordSetSimilarity } from './similarity';
export { hashUser } from './salt';
export { questionLogSettingsFromEnv } from './config';
export type { QuestionLogSettings } from './config';
