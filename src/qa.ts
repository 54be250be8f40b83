import { randomUUID } from 'node:crypto';
import { type FSWatcher, mkdirSync, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createAnswerer, type Answerer } from './answer/answerer';
import { fingerprintFiles, loadKnowledge } from './knowledge/load';
import { silentLogger } from './log';
import { openQuestionLog, type QuestionLog } from './questions';
import { buildIndex, type SearchIndex } from './search/build';
import { loadIndex, saveIndex } from './search/store';
import { openStore, type Store } from './store';
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
}

export const defaultQAOptions = {
  dataDir: '.network-qa',
  persistIndex: true,
  logQuestions: true,
  logRetentionDays: 90,
  watch: false,
  followIndex: false,
  watchDebounceMs: 500,
} as const satisfies Partial<QAOptions>;

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

const KNOWLEDGE_FILE_RE = /\.(md|markdown|txt)$/i;

interface Serving {
  index: SearchIndex;
  answerer: Answerer;
  loadedFromDisk: boolean;
}

/** Loads the saved index when it is fresh for the knowledge, else builds (and saves) it. */
export function openIndex(knowledgeDir: string, indexFile: string | null, logger: Logger): { index: SearchIndex; loadedFromDisk: boolean } {
  if (indexFile) {
    const saved = (() => {
      try {
        return loadIndex(indexFile, fingerprintFiles(knowledgeDir));
      } catch (error) {
        return { index: null, reason: (error as Error).message };
      }
    })();
    if (saved.index) return { index: saved.index, loadedFromDisk: true };
    logger.info({ code: 'index_rebuild', reason: saved.reason }, 'building the index');
  }
  const index = buildIndex(loadKnowledge(knowledgeDir));
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
  const answererFor = (index: SearchIndex) => createAnswerer(index, settings.contact ? { contact: settings.contact } : {});
  const first = openIndex(settings.knowledgeDir, indexFile, logger);
  let serving: Serving = { ...first, answerer: answererFor(first.index) };
  serving.answerer.examples(); // built once now, so the first "help" is not slower than the rest
  const ownStore = settings.logQuestions && !settings.store ? await openStore({ dataDir: settings.dataDir, logger, ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}) }) : null;
  const log: QuestionLog = await openQuestionLog({
    store: settings.store ?? ownStore,
    enabled: settings.logQuestions,
    retentionDays: settings.logRetentionDays,
    logger,
  });
  let reloading: Promise<ReloadResult> | null = null;
  const watchers: FSWatcher[] = [];
  let debounce: NodeJS.Timeout | null = null;
  let indexDebounce: NodeJS.Timeout | null = null;

  function stats(): KnowledgeStats {
    const { index, loadedFromDisk } = serving;
    return { documents: index.documents.length, passages: index.passages.length, languages: index.langs, warnings: index.warnings, builtAt: index.builtAt, loadedFromDisk };
  }

  async function rebuild(): Promise<ReloadResult> {
    // Let pending questions run first; the build itself is synchronous but questions never see half of it.
    await new Promise((resolve) => setImmediate(resolve));
    let knowledge;
    try {
      knowledge = loadKnowledge(settings.knowledgeDir);
    } catch (error) {
      const warning: KnowledgeWarning = { code: 'knowledge_unreadable', file: settings.knowledgeDir, line: 1, message: (error as Error).message };
      logger.error({ code: warning.code }, warning.message);
      return { ok: false, stats: stats(), warnings: [warning] };
    }
    if (!knowledge.documents.length && !knowledge.warnings.length) {
      knowledge.warnings.push({ code: 'knowledge_empty_document', file: '.', line: 1, message: `${settings.knowledgeDir} holds no .md or .txt document; kept the index in use` });
    }
    if (knowledge.warnings.length || !knowledge.documents.length) {
      // A broken document: keep serving the last good index and say what is wrong, with file and line.
      for (const w of knowledge.warnings) logger.warn({ code: w.code, file: w.file, line: w.line }, w.message);
      return { ok: false, stats: stats(), warnings: knowledge.warnings };
    }
    const index = buildIndex(knowledge);
    const answerer = answererFor(index);
    answerer.examples(); // warm the example cache before swapping
    serving = { index, answerer, loadedFromDisk: false };
    if (indexFile) {
      try {
        saveIndex(index, indexFile);
      } catch (error) {
        logger.warn({ code: 'index_not_saved', file: indexFile, error: (error as Error).message }, 'could not save the index');
      }
    }
    logger.info({ code: 'index_reloaded', documents: index.documents.length, passages: index.passages.length }, 'knowledge reloaded');
    return { ok: true, stats: stats(), warnings: [] };
  }

  function reload(): Promise<ReloadResult> {
    // One rebuild at a time; callers during a rebuild share its result.
    reloading ??= rebuild().finally(() => {
      reloading = null;
    });
    return reloading;
  }

  /** Swaps in an index that `network-qa index` wrote from another process, when it matches the knowledge. */
  function adoptSavedIndex(): void {
    if (!indexFile || reloading) return;
    try {
      const saved = loadIndex(indexFile, fingerprintFiles(settings.knowledgeDir));
      if (!saved.index || saved.index.builtAt === serving.index.builtAt) return;
      const answerer = answererFor(saved.index);
      answerer.examples();
      serving = { index: saved.index, answerer, loadedFromDisk: true };
      logger.info({ code: 'index_adopted', documents: saved.index.documents.length, passages: saved.index.passages.length }, 'picked up the rebuilt index');
    } catch (error) {
      logger.warn({ code: 'index_not_adopted', file: indexFile, error: (error as Error).message }, 'kept the index in use');
    }
  }

  function watchFolder(folder: string, recursive: boolean, onChange: (file: string | null) => void): void {
    try {
      const watcher = watch(folder, { recursive }, (_event, file) => onChange(file ? String(file) : null));
      watcher.on('error', (error) => logger.warn({ code: 'watch_failed', folder, error: error.message }, 'watcher stopped'));
      watchers.push(watcher);
    } catch (error) {
      logger.warn({ code: 'watch_failed', folder, error: (error as Error).message }, 'cannot watch the folder');
    }
  }

  if (settings.watch) {
    watchFolder(settings.knowledgeDir, true, (file) => {
      // Only knowledge files count: not the data folder's log or index, editors' swap files or dot-folders.
      if (file !== null && (!KNOWLEDGE_FILE_RE.test(file) || /(^|[\\/])\./.test(file))) return;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => void reload(), settings.watchDebounceMs);
    });
  }
  if (settings.followIndex && indexFile) {
    mkdirSync(dirname(indexFile), { recursive: true });
    watchFolder(dirname(indexFile), false, (file) => {
      if (file !== basename(indexFile)) return;
      if (indexDebounce) clearTimeout(indexDebounce);
      indexDebounce = setTimeout(adoptSavedIndex, settings.watchDebounceMs);
    });
  }

  return {
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
      const typed = prefix.trim().toLowerCase();
      const all = serving.answerer.examples();
      const matching = typed ? all.filter((e) => e.toLowerCase().includes(typed)) : all;
      return matching.slice(0, limit);
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
      if (debounce) clearTimeout(debounce);
      if (indexDebounce) clearTimeout(indexDebounce);
      for (const watcher of watchers) watcher.close();
      if (reloading) await reloading.catch(() => undefined);
      await log.flush();
      await ownStore?.close();
    },
  };
}
