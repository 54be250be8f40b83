/** The core's own types: what adapters send in and get back. Nothing here knows a chat platform. */

/** A language the text pipeline can stem and filter stop words for. */
export type Lang = 'en' | 'nl' | 'fr' | 'de' | 'es' | 'it' | 'pt';

/** Where a passage (and so an answer) comes from. */
export interface Source {
  /** Document title from its front matter. */
  title: string;
  /** Path of the document relative to the knowledge folder, with forward slashes. */
  file: string;
  /** Heading path inside the document, joined with " > " ('' when the passage sits above any heading). */
  heading: string;
  /** 1-based line of the passage in the file. */
  line: number;
  /** 1-based page, for documents that have pages (PDF). */
  page?: number;
  /** The document's `url` from its front matter, when it has one. */
  url?: string;
}

/** A labelled fact such as "Vice chair: Laia Bonet, deputy mayor". */
export interface Fact {
  label: string;
  value: string;
}

/** The smallest unit that is indexed and answered from: a paragraph, a list, or a block of labelled facts. */
export interface Passage {
  /** Stable id: `file#line`. */
  id: string;
  kind: 'text' | 'list' | 'facts';
  /** Full passage text, as plain text (list items one per line, prefixed with "- "). */
  text: string;
  /** The items of a list passage, as plain text. */
  items?: string[];
  /** The facts of a facts passage. */
  facts?: Fact[];
  lang: Lang;
  /** Heading path, outermost first. */
  headings: string[];
  source: Source;
  tags: string[];
  /**
   * Questions the maintainers wrote for this passage, from the front matter's `questions` (a document's go to
   * its first passage, a section's to the section's first passage).
   */
  alternateQuestions?: string[];
}

/** A knowledge document after loading (front matter + passages). */
export interface KnowledgeDocument {
  file: string;
  title: string;
  lang: Lang;
  source?: string;
  url?: string;
  tags: string[];
  translatedFrom?: Lang;
  passages: Passage[];
}

/** A problem found while loading knowledge: the document is skipped, the rest still loads. */
export interface KnowledgeWarning {
  code: 'knowledge_invalid_document' | 'knowledge_empty_document' | 'knowledge_not_utf8' | 'knowledge_unreadable';
  file: string;
  line: number;
  message: string;
}

export type AnswerStatus = 'answered' | 'no_answer' | 'chitchat';

/** What kind of answer the core gave; adapters may use it for presentation. */
export type AnswerKind =
  | 'fact'
  | 'definition'
  | 'labelled_fact'
  | 'list'
  | 'count'
  | 'membership'
  | 'chitchat'
  | 'none';

/** The core's reply to one question. */
export interface Answer {
  /** Unique id of this reply; adapters pass it back with feedback (👍/👎). */
  id: string;
  status: AnswerStatus;
  kind: AnswerKind;
  /** Plain text (no platform markup), at most 700 characters. */
  answer: string;
  /** The sources cited, best first (empty for chitchat and no_answer). */
  sources: Source[];
  /** Full text of the passage the answer came from ('' when none). */
  passage: string;
  /** 0..1: how sure the core is that the answer answers the question. */
  confidence: number;
  /** For no_answer: the human to ask instead. */
  contact?: string;
  /** Up to three related questions the knowledge can answer (for buttons). */
  related: string[];
  /** The question as understood: for a follow-up, the question rewritten with its thread's context. */
  understoodAs: string;
}

/** Context an adapter passes along with a question. */
export interface AskContext {
  /** The conversation the question belongs to (a Slack thread, a Discord reply chain or DM channel, a terminal session). */
  conversationId?: string;
  /** The earlier question in the same thread or reply chain, for follow-ups such as "and who is the staff contact?". */
  previousQuestion?: string;
  /** Which adapter asked (recorded in the question log). */
  platform?: Platform;
  /** The platform's user id; the question log stores only a salted hash of it. */
  userId?: string;
}

export type Platform = 'slack' | 'discord' | 'cli' | 'api';

export type Vote = 'up' | 'down';

/** Minimal structured logger (pino-compatible); the core never logs question text or secrets. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Numbers about the loaded knowledge, for `/kb stats` and `network-qa index`. */
export interface KnowledgeStats {
  documents: number;
  passages: number;
  languages: Lang[];
  warnings: KnowledgeWarning[];
  /** When the index serving questions was built (ISO 8601). */
  builtAt: string;
  /** Whether the index was loaded from disk (true) or built in this process (false). */
  loadedFromDisk: boolean;
}

/** One group of similar questions in the maintainers' report. */
export interface QuestionGroup {
  /** The most frequent wording in the group. */
  question: string;
  count: number;
  /** Other wordings grouped with it. */
  variants: string[];
}

/** What maintainers read: what people asked and what the bot could not answer (`network-qa report`, `/kb unanswered`). */
export interface QuestionReport {
  since: string;
  questions: number;
  answerRate: number;
  feedback: { up: number; down: number; ratio: number | null };
  latencyMs: { p50: number; p95: number };
  topQuestions: QuestionGroup[];
  /** Unanswered or 👎-rated questions grouped by similarity, most frequent first. */
  needsWork: QuestionGroup[];
}
