import { randomUUID } from 'node:crypto';
import { mkdirSync, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Answerer } from './answer/answerer';
import { createConversation, createMemoryConversationStore, type ConversationStore, type ConverseContext, type Reply } from './conversation';
import { rankSuggestions } from './conversation/suggest';
import { fingerprintFiles, listKnowledgeFiles, loadKnowledge, type SkippedEntry } from './knowledge/load';
import { loadSynonyms } from './knowledge/synonyms';
import { watchKnowledgeFolder } from './knowledge/watch';
import { silentLogger } from './log';
import type { Help } from './present/help';
import { openQuestionLog, type QuestionLog } from './questions/log';
import type { SearchIndex } from './search/build';
import { nextInSection, passageById } from './search/passages';
import { loadIndex, readSavedHeader, saveIndex } from './search/store';
import { offThread } from './search/worker';
import { removeOrphanedTempFiles } from './files';
import { openStore, type Store } from './store';
import { useDomainVocabulary } from './text/glossary';
import { preloadLanguageDetector } from './text/lang';
import type { Answer, AskContext, KnowledgeStats, KnowledgeWarning, Logger, Platform, QuestionReport, Vote } from './types';

/** Options for {@link createQA}; defaults live in `defaultQAOptions`. */
export interface QAOptions {
  /** Folder of knowledge documents (Markdown, text, PDF, Word, HTML). */
  knowledgeDir: string;
  /** Folder for the saved index and the question log. @defaultValue '.network-qa' */
  dataDir?: string;
  /** Human contact named when the documents do not answer. @defaultValue the staff contact found in the knowledge */
  contact?: string;
  /** Save the built index to `dataDir` and load it when fresh. @defaultValue true */
  persistIndex?: boolean;
  logger?: Logger;
  /** Record every question in the store. @defaultValue true */
  logQuestions?: boolean;
  /** The store for the question log (shared with the adapters). @defaultValue opened when logging (per `databaseUrl`) and closed by `close()` */
  store?: Store;
  /** PostgreSQL for the store createQA opens itself (`DATABASE_URL`). @defaultValue SQLite in `dataDir` */
  databaseUrl?: string;
  /** Days of question log to keep. @defaultValue 90 */
  logRetentionDays?: number;
  /** Watch the knowledge folder and reload on change. @defaultValue false */
  watch?: boolean;
  /** Adopt the saved index when another process (`network-qa index`) rewrites it. @defaultValue false */
  followIndex?: boolean;
  /** Quiet period after the last change before a watched reload. @defaultValue 500 */
  watchDebounceMs?: number;
  /** Most example questions checked against the knowledge (help, autocomplete, related questions). @defaultValue EXAMPLE_BUDGET */
  exampleBudget?: number;
  /** Where recent turns of conversations are kept (closed by `close()`). @defaultValue one in memory */
  conversationStore?: ConversationStore;
}

/**
 * Example questions checked, at most, whatever the size of the knowledge: each check is one answer, so checking one
 * per document took minutes with 5,000 documents (issue 12). Help shows 10 and Discord's autocomplete 25 choices;
 * 30 checks fill both in practice, since most proposals are answerable.
 */
export const EXAMPLE_BUDGET = 30;

export const defaultQAOptions = {
  dataDir: '.network-qa',
  persistIndex: true,
  logQuestions: true,
  logRetentionDays: 90,
  watch: false,
  followIndex: false,
  watchDebounceMs: 500,
  exampleBudget: EXAMPLE_BUDGET,
} as const satisfies Partial<QAOptions>;

/** Result of a rebuild: the new index is swapped in only when `ok`. */
export interface ReloadResult {
  ok: boolean;
  stats: KnowledgeStats;
  warnings: KnowledgeWarning[];
}

/** A running question-answering core over one knowledge folder. */
export interface QA {
  /** Answers one question; never throws for any string input. Stateless: follow-ups need `context.previousQuestion`. */
  ask(question: string, context?: AskContext): Answer;
  /**
   * Replies to one chat message in a conversation (`context.conversationId`): follow-ups, "more",
   * several questions in one message, related questions, help. What every chat surface uses.
   */
  converse(message: string, context?: ConverseContext): Promise<Reply>;
  /** Help for one surface: topics grouped, how to ask, checked examples (Slack's App Home, Discord's /help). */
  help(surface: Platform): Help;
  /** Example questions drawn from the knowledge (for help and autocomplete). */
  examples(limit?: number): string[];
  /** Questions from {@link QA.examples} that match what the user has typed so far, best first (autocomplete). */
  suggest(prefix: string, limit?: number): string[];
  /** Records 👍/👎 feedback for an earlier answer id. */
  feedback(answerId: string, vote: Vote, context?: { platform?: Platform; userId?: string }): void;
  /** What is loaded. */
  stats(): KnowledgeStats;
  /** Answered ÷ (answered + not answered) over the last days, from the question log; null without questions. @defaultValue 7 days */
  answerRate(sinceDays?: number): Promise<number | null>;
  /**
   * Summary of the question log (empty when logging is off); built a page and a slice at a time, so questions
   * keep being answered meanwhile. @param sinceDays how far back to look @defaultValue 7
   */
  report(sinceDays?: number): Promise<QuestionReport>;
  /** Rebuilds the index beside the current one and swaps it in atomically; questions keep being answered meanwhile. */
  reload(): Promise<ReloadResult>;
  /** Stops watchers, waits for question-log writes, and closes the store if it opened it. */
  close(): Promise<void>;
}

/** Says which symbolic links in the knowledge were not followed, and why (one line each). */
function logSkipped(skipped: readonly SkippedEntry[] | undefined, logger: Logger): void {
  for (const s of skipped ?? []) logger.warn({ code: 'knowledge_link_skipped', file: s.file }, `${s.file} ${s.reason}; skipped`);
}

const KNOWLEDGE_FILE_RE = /\.(md|markdown|txt|pdf|docx|html?|ya?ml)$/i;

interface Serving {
  index: SearchIndex;
  answerer: Answerer;
  loadedFromDisk: boolean;
}

/** Loads the saved index when it is fresh for the knowledge, else builds (and saves) it. */
export async function openIndex(knowledgeDir: string, indexFile: string | null, logger: Logger): Promise<{ index: SearchIndex; loadedFromDisk: boolean }> {
  if (indexFile) {
    // Temp files of writes killed half-way (`.index.json.<pid>.<random>.tmp`) are never read: remove them.
    for (const removed of removeOrphanedTempFiles(dirname(indexFile))) logger.info({ code: 'temp_file_removed', file: removed }, 'removed a temporary file left by an interrupted write');
    const skipped: SkippedEntry[] = [];
    const fingerprint = fingerprintFiles(knowledgeDir, listKnowledgeFiles(knowledgeDir, skipped));
    logSkipped(skipped, logger);
    const saved = (() => {
      try {
        return loadIndex(indexFile, fingerprint);
      } catch (error) {
        // A damaged file of any kind (cut short, damaged body, wrong types): say so, then rebuild and overwrite it.
        logger.warn({ code: 'index_corrupt', file: indexFile, error: (error as Error).message }, 'the saved index is damaged; rebuilding it');
        return { index: null, reason: (error as Error).message };
      }
    })();
    if (saved.index) return { index: saved.index, loadedFromDisk: true };
    logger.info({ code: 'index_rebuild', reason: saved.reason }, 'building the index');
  }
  const knowledge = await loadKnowledge(knowledgeDir);
  if (!indexFile) logSkipped(knowledge.skipped, logger);
  // The builder (and WordNet behind it) loads only when an index is built here, not when a saved one is read.
  const { buildIndex } = require('./search/build') as typeof import('./search/build');
  const index = buildIndex(knowledge);
  for (const w of index.warnings) logger.warn({ code: w.code, file: w.file, line: w.line }, w.message);
  if (indexFile) {
    try {
      saveIndex(index, indexFile);
    } catch (error) {
      logger.warn({ code: 'index_not_saved', file: indexFile, error: (error as Error).message }, 'could not save the index; it will be rebuilt next start');
    }
  }
  return { index, loadedFromDisk: false };
}

/**
 * Starts the question-answering core over a knowledge folder.
 * @example
 * const qa = await createQA({ knowledgeDir: 'knowledge' });
 * qa.ask('Who is the vice chair?').answer;
 */
export async function createQA(options: QAOptions): Promise<QA> {
  const settings = { ...defaultQAOptions, ...options };
  const logger = settings.logger ?? silentLogger;
  const indexFile = settings.persistIndex ? join(settings.dataDir, 'index.json') : null;
  const answererFor = (index: SearchIndex): Answerer => {
    let answerer: Answerer | undefined;
    // Made on first use: the answering code (stemmers, word lists) loads just after the chat's prompt appears, not
    // before it (issue 11's start-up target); the warm-up below makes it at once anyway.
    const real = (): Answerer => {
      if (answerer) return answerer;
      // The glossary's word lists follow the knowledge in use (its synonyms.yml), for every index served.
      useDomainVocabulary(loadSynonyms(settings.knowledgeDir));
      const { createAnswerer } = require('./answer/answerer') as typeof import('./answer/answerer');
      answerer = createAnswerer(index, { exampleBudget: settings.exampleBudget, ...(settings.contact ? { contact: settings.contact } : {}) });
      return answerer;
    };
    return {
      ask: (question, context) => real().ask(question, context),
      examples: () => real().examples(),
      get contact() {
        return real().contact;
      },
    };
  };
  const first = await openIndex(settings.knowledgeDir, indexFile, logger);
  // Example questions are made on first use, within a fixed budget (EXAMPLE_BUDGET), never per document.
  let serving: Serving = { ...first, answerer: answererFor(first.index) };
  // Example questions (each one answered to check it) and the language detector are warmed just after start-up,
  // not before it: the first prompt appears at once, and the first "help" is still not slower than the rest.
  const warm = setTimeout(() => {
    serving.answerer.examples();
    preloadLanguageDetector();
  }, 0);
  warm.unref();
  const ownStore = settings.logQuestions && !settings.store ? await openStore({ dataDir: settings.dataDir, logger, ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}) }) : null;
  const log: QuestionLog = await openQuestionLog({
    store: settings.store ?? ownStore,
    enabled: settings.logQuestions,
    retentionDays: settings.logRetentionDays,
    logger,
  });
  let reloading: Promise<ReloadResult> | null = null;
  let adopting = false;
  /** When the index this process built last was built: its own write of `index.json` is not adopted again. */
  let ownBuiltAt: string | undefined;
  /** Aborted by close(): a build or read still running in the worker is no longer waited for. */
  const stopping = new AbortController();
  const watchers: { close(): void }[] = [];
  let debounce: NodeJS.Timeout | null = null;
  let indexDebounce: NodeJS.Timeout | null = null;

  function stats(): KnowledgeStats {
    const { index, loadedFromDisk } = serving;
    return { documents: index.documents.length, passages: index.passages.length, languages: index.langs, warnings: index.warnings, builtAt: index.builtAt, loadedFromDisk };
  }

  /** Builds the new index in a worker thread; this thread only reassembles it between questions and swaps it in. */
  async function rebuild(): Promise<ReloadResult> {
    const result = await offThread({ kind: 'build', knowledgeDir: settings.knowledgeDir, ...(indexFile ? { saveTo: indexFile } : {}) }, stopping.signal);
    if (stopping.signal.aborted) return { ok: false, stats: stats(), warnings: [] };
    if (result.kind === 'failed' || result.kind === 'unusable') {
      const message = result.kind === 'failed' ? result.message : result.reason;
      const warning: KnowledgeWarning = { code: 'knowledge_unreadable', file: settings.knowledgeDir, line: 1, message };
      logger.error({ code: warning.code }, warning.message);
      return { ok: false, stats: stats(), warnings: [warning] };
    }
    if (result.kind === 'index' || result.kind === 'rejected') logSkipped(result.skipped, logger);
    if (result.kind === 'rejected') {
      const warnings = [...result.warnings];
      if (!result.documents && !warnings.length) {
        warnings.push({ code: 'knowledge_empty_document', file: '.', line: 1, message: `${settings.knowledgeDir} holds no knowledge document; kept the index in use` });
      }
      // A broken document: keep serving the last good index and say what is wrong, with file and line.
      for (const w of warnings) logger.warn({ code: w.code, file: w.file, line: w.line }, w.message);
      return { ok: false, stats: stats(), warnings };
    }
    const { index } = result;
    serving = { index, answerer: answererFor(index), loadedFromDisk: false };
    ownBuiltAt = index.builtAt;
    warmExamples();
    if (result.saveError) logger.warn({ code: 'index_not_saved', file: indexFile, error: result.saveError }, 'could not save the index');
    logger.info({ code: 'index_reloaded', documents: index.documents.length, passages: index.passages.length }, 'knowledge reloaded');
    return { ok: true, stats: stats(), warnings: [] };
  }

  /** Makes the example questions soon after a swap, so a question asked later does not wait for them. */
  function warmExamples(): void {
    const answerer = serving.answerer;
    setImmediate(() => {
      if (serving.answerer === answerer) answerer.examples();
    }).unref();
  }

  function reload(): Promise<ReloadResult> {
    // One rebuild at a time; callers during a rebuild share its result.
    reloading ??= rebuild().finally(() => {
      reloading = null;
    });
    return reloading;
  }

  /** Swaps in an index that `network-qa index` wrote from another process, when it matches the knowledge. */
  async function adoptSavedIndex(): Promise<void> {
    if (!indexFile || reloading || adopting) return;
    // The header alone says whether the file is the index in use (or the one this process just wrote).
    const header = readSavedHeader(indexFile);
    if (!header || header.builtAt === serving.index.builtAt || header.builtAt === ownBuiltAt) return;
    adopting = true;
    try {
      const result = await offThread({ kind: 'load', file: indexFile, knowledgeDir: settings.knowledgeDir, unlessBuiltAt: serving.index.builtAt }, stopping.signal);
      if (result.kind !== 'index') {
        const why = result.kind === 'failed' ? result.message : result.kind === 'unusable' ? result.reason : 'not an index';
        if (!stopping.signal.aborted && why !== 'already in use') logger.warn({ code: 'index_not_adopted', file: indexFile, error: why }, 'kept the index in use');
        return;
      }
      if (reloading) return; // a rebuild started meanwhile; it decides what serves
      serving = { index: result.index, answerer: answererFor(result.index), loadedFromDisk: true };
      warmExamples();
      logger.info({ code: 'index_adopted', documents: result.index.documents.length, passages: result.index.passages.length }, 'picked up the rebuilt index');
    } finally {
      adopting = false;
    }
  }

  function watchFolder(folder: string, recursive: boolean, onChange: (file: string | null) => void): void {
    try {
      const watcher = watch(folder, { recursive }, (_event, file) => onChange(file ? String(file) : null));
      watcher.on('error', (error) => logger.warn({ code: 'watch_failed', folder, error: error.message }, 'watcher stopped'));
      // Watching never keeps the process alive by itself: a bot is kept alive by its connections, the chat by stdin.
      watcher.unref();
      watchers.push(watcher);
    } catch (error) {
      logger.warn({ code: 'watch_failed', folder, error: (error as Error).message }, 'cannot watch the folder');
    }
  }

  if (settings.followIndex && indexFile) {
    mkdirSync(dirname(indexFile), { recursive: true });
    watchFolder(dirname(indexFile), false, (file) => {
      if (file !== basename(indexFile)) return;
      if (indexDebounce) clearTimeout(indexDebounce);
      indexDebounce = setTimeout(() => void adoptSavedIndex(), settings.watchDebounceMs);
    });
  }
  if (settings.watch) {
    const knowledgeWatch = watchKnowledgeFolder(
      settings.knowledgeDir,
      (file) => {
        // Only knowledge files count: not the data folder's log or index, editors' swap files or dot-folders.
        if (file !== null && (!KNOWLEDGE_FILE_RE.test(file) || /(^|[\\/])\./.test(file))) return;
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(() => void reload(), settings.watchDebounceMs);
      },
      logger,
    );
    watchers.push(knowledgeWatch);
  }

  // Conversations live in the shared store when there is one (several processes or replicas see the same thread).
  const sharedStore = settings.store ?? ownStore;
  const conversationStore = settings.conversationStore ?? sharedStore?.conversations() ?? createMemoryConversationStore();
  const conversation = createConversation(
    {
      ask: (question, context) => qa.ask(question, context),
      lookup: (question) => serving.answerer.ask(question),
      examples: () => serving.answerer.examples(),
      passage: (id) => passageById(serving.index, id),
      nextPassage: (id) => nextInSection(serving.index, id),
      documents: () => serving.index.documents,
      version: () => serving.index.builtAt,
    },
    conversationStore,
  );

  const qa: QA = {
    converse: (message, context) => conversation.converse(message, context),
    help: (surface) => conversation.help(surface),
    ask(question, context = {}) {
      const started = process.hrtime.bigint();
      let answer: Answer;
      try {
        answer = serving.answerer.ask(question, context);
      } catch (error) {
        // ask() must not throw; should a bug slip through, the user still gets a clear reply.
        logger.error({ code: 'ask_failed', error: (error as Error).message }, 'answering failed');
        answer = { id: randomUUID(), status: 'no_answer', kind: 'none', answer: `Sorry, something went wrong while answering. Please try again, or ask ${serving.answerer.contact}.`, sources: [], passage: '', confidence: 0, contact: serving.answerer.contact, related: [], understoodAs: String(question ?? '') };
      }
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      log.record({ question: String(question ?? ''), answer, latencyMs, context });
      return answer;
    },
    examples(limit = 10) {
      return serving.answerer.examples().slice(0, limit);
    },
    suggest(prefix, limit = 25) {
      return rankSuggestions(serving.answerer.examples(), prefix, limit);
    },
    feedback(answerId, vote, context = {}) {
      log.feedback(answerId, vote, context);
    },
    stats,
    async answerRate(sinceDays = 7) {
      const report = await log.report(new Date(Date.now() - sinceDays * 86_400_000), 0);
      return report.questions ? report.answerRate : null;
    },
    report(sinceDays = 7) {
      return log.report(new Date(Date.now() - sinceDays * 86_400_000));
    },
    reload,
    async close() {
      clearTimeout(warm);
      if (debounce) clearTimeout(debounce);
      if (indexDebounce) clearTimeout(indexDebounce);
      for (const watcher of watchers) watcher.close();
      stopping.abort();
      if (reloading) await reloading.catch(() => undefined);
      await log.flush();
      await conversationStore.close();
      await ownStore?.close();
    },
  };
  return qa;
}
