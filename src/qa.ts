import type { Answer, AskContext, KnowledgeStats, KnowledgeWarning, Logger, Platform, QuestionReport, Vote } from './types';

/** Options for {@link createQA}; defaults live in `defaultQAOptions`. */
export interface QAOptions {
  /** Folder of `.md` / `.txt` knowledge documents. */
  knowledgeDir: string;
  /** Folder for the saved index and the question log. @defaultValue '.network-qa' */
  dataDir?: string;
  /** Human contact named when the documents do not answer. @defaultValue the staff contact found in the knowledge */
  contact?: string;
  /** Save the built index to `dataDir` and load it when fresh. @defaultValue true */
  persistIndex?: boolean;
  logger?: Logger;
  /** Record every question in `dataDir/questions.jsonl`. @defaultValue true */
  logQuestions?: boolean;
  /** Days of question log to keep. @defaultValue 90 */
  logRetentionDays?: number;
  /** Watch the knowledge folder and reload on change. @defaultValue false */
  watch?: boolean;
}

/** Result of a rebuild: the new index is swapped in only when `ok`. */
export interface ReloadResult {
  ok: boolean;
  stats: KnowledgeStats;
  warnings: KnowledgeWarning[];
}

/** A running question-answering core over one knowledge folder. */
export interface QA {
  /** Answers one question; never throws for any string input. */
  ask(question: string, context?: AskContext): Answer;
  /** Example questions drawn from the knowledge (for help and autocomplete). */
  examples(limit?: number): string[];
  /** Questions from {@link QA.examples} that match what the user has typed so far (autocomplete). */
  suggest(prefix: string, limit?: number): string[];
  /** Records 👍/👎 feedback for an earlier answer id. */
  feedback(answerId: string, vote: Vote, context?: { platform?: Platform; userId?: string }): void;
  stats(): KnowledgeStats & { answerRate: number | null };
  /** Summary of the question log (empty when logging is off). @param sinceDays how far back to look @defaultValue 7 */
  report(sinceDays?: number): QuestionReport;
  /** Rebuilds the index beside the current one and swaps it in atomically; questions keep being answered meanwhile. */
  reload(): Promise<ReloadResult>;
  /** Stops watchers and flushes logs. */
  close(): Promise<void>;
}
