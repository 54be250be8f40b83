/**
 * Importing the files of earlier versions into the store on first start: the question log
 * (`DATA_DIR/questions.jsonl`) and the Slack event ids (`DATA_DIR/slack-events.json`). The import is one
 * transaction and idempotent (what is already there is skipped); each file is then renamed, never deleted,
 * so a maintainer can check it and remove it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../errors';
import { parseLog, type QuestionRecord } from '../questions/records';
import type { Logger } from '../types';
import type { ImportResult, Store, VoteRecord } from './store';

/** The question log of earlier versions. */
export const LEGACY_QUESTION_LOG = 'questions.jsonl';
/** The Slack event ids of earlier versions. */
export const LEGACY_SLACK_EVENTS = 'slack-events.json';
/** Appended to an imported file's name. */
export const IMPORTED_SUFFIX = '.imported';

/** What {@link importLegacyFiles} did. */
export interface LegacyImport extends ImportResult {
  /** The files imported, as renamed. */
  files: string[];
  /** Lines of the question log that held no record (skipped, as the old reader did). */
  damaged: number;
}

/**
 * Imports the legacy files found in `dataDir` into `store`, then renames them to `….imported`.
 * @returns what was imported, or null when there was nothing to import
 * @throws when a file cannot be read or the import fails (nothing is renamed then, so the next start tries again)
 */
export async function importLegacyFiles(store: Store, dataDir: string, logger: Logger): Promise<LegacyImport | null> {
  const logFile = path.join(dataDir, LEGACY_QUESTION_LOG);
  const eventsFile = path.join(dataDir, LEGACY_SLACK_EVENTS);
  const logText = readIfPresent(logFile);
  const eventsText = readIfPresent(eventsFile);
  if (logText === null && eventsText === null) return null;

  const questions: QuestionRecord[] = [];
  const votes: VoteRecord[] = [];
  let damaged = 0;
  if (logText !== null) {
    const parsed = parseLog(logText);
    damaged = parsed.damaged;
    parsed.records.forEach((record, line) => {
      if (record.type === 'question') questions.push(record);
      // Each anonymous vote counted once: give it a key fixed by its place in the file, so a second import skips it.
      else votes.push({ ...record, voter: record.user ?? `anonymous:${LEGACY_QUESTION_LOG}:${line}:${record.time}` });
    });
  }
  let events: Array<[string, number]> = [];
  if (eventsText !== null) {
    try {
      events = parseSlackEvents(eventsText);
    } catch (error) {
      // Event ids only guard against answering a retry twice within the hour: a damaged file is not worth stopping for.
      logger.warn({ code: 'slack_events_unreadable', file: eventsFile, error: describeError(error) }, 'Skipped the saved Slack event ids');
    }
  }

  const result = await store.importRecords({ questions, votes, events });
  const files = [logText === null ? null : logFile, eventsText === null ? null : eventsFile].filter((f): f is string => f !== null).map(renameImported);
  logger.info({ code: 'store_imported', store: store.location, ...result, damaged, files }, 'Imported the question log and Slack event ids of an earlier version into the store');
  return { ...result, damaged, files };
}

function readIfPresent(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Cannot read ${file} to import it into the store: ${describeError(error)}`, { cause: error });
  }
}

/** Renames an imported file out of the way; a second process that imported it at the same time finds it gone. */
function renameImported(file: string): string {
  let target = `${file}${IMPORTED_SUFFIX}`;
  if (fs.existsSync(target)) target = `${file}${IMPORTED_SUFFIX}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    fs.renameSync(file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return target;
}

/** Reads the `slack-events.json` format (`{"formatVersion":1,"events":[[id, ms], …]}`); throws a message saying what is wrong. */
export function parseSlackEvents(text: string): Array<[string, number]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON');
  }
  const { formatVersion, events } = (data ?? {}) as { formatVersion?: unknown; events?: unknown };
  if (formatVersion !== 1) throw new Error(`unknown format version ${JSON.stringify(formatVersion)} (expected 1)`);
  if (!Array.isArray(events)) throw new Error('its events field is not a list');
  return events.filter(
    (entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string' && entry[0] !== '' && typeof entry[1] === 'number' && Number.isFinite(entry[1]),
  );
}
