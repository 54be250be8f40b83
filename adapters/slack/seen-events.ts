import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../../src/errors';
import { writeFileAtomic } from '../../src/files';
import type { Logger } from '../../src/types';

/** The file in the data folder that remembers recent Slack event ids across restarts. */
export const SEEN_EVENTS_FILE = 'slack-events.json';
const FORMAT_VERSION = 1;

/** Bounds and timing of {@link SeenEvents}. */
export interface SeenEventsOptions {
  /** How many event ids to keep. @defaultValue 1000 */
  capacity: number;
  /** How long an event id is kept, in ms (Slack retries within minutes). @defaultValue 1 hour */
  maxAgeMs: number;
  /** Saving waits this long after a new event, so a burst of events is one write, in ms. @defaultValue 1000 */
  saveDelayMs: number;
}

const DEFAULTS: SeenEventsOptions = { capacity: 1000, maxAgeMs: 60 * 60 * 1000, saveDelayMs: 1000 };

/**
 * Slack event ids already handled, so a retry of an event (same `event_id`) gets no second reply, also after a
 * restart: the ids of the last hour (at most 1,000) are saved to `<dataDir>/slack-events.json`, a while after a new
 * one arrives and on `close()`. A missing file starts empty; an unreadable one is logged and starts empty.
 * Without a data folder it remembers in memory only.
 */
export class SeenEvents {
  /** Event id → when it was first seen (ms since epoch), oldest first. */
  private readonly seen = new Map<string, number>();
  private readonly options: SeenEventsOptions;
  private readonly file?: string;
  private timer?: NodeJS.Timeout;
  private dirty = false;
  private saveFailed = false;

  /**
   * @param dataDir the data folder (`DATA_DIR`); undefined keeps the ids in memory only
   * @param now the clock, for tests
   */
  constructor(
    dataDir: string | undefined,
    private readonly logger: Logger,
    options: Partial<SeenEventsOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.file = dataDir ? path.join(dataDir, SEEN_EVENTS_FILE) : undefined;
    this.load();
  }

  /** Marks `eventId` as seen; true only the first time (within the bounds). */
  firstTime(eventId: string): boolean {
    this.prune();
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, this.now());
    this.prune();
    this.scheduleSave();
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Saves now if anything is unsaved and stops the pending save. Safe to call twice. */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.save();
  }

  private load(): void {
    if (!this.file) return;
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.unreadable(describeError(error));
      return;
    }
    let entries: Array<[string, number]>;
    try {
      entries = parse(text);
    } catch (error) {
      this.unreadable((error as Error).message);
      return;
    }
    for (const [id, at] of entries.sort((a, b) => a[1] - b[1])) this.seen.set(id, at);
    this.prune();
  }

  private unreadable(problem: string): void {
    this.logger.warn({ code: 'slack_events_unreadable', file: this.file, error: problem }, 'Cannot read the saved Slack event ids; starting with none');
  }

  /** Forgets ids older than `maxAgeMs` and the oldest beyond `capacity`. */
  private prune(): void {
    const oldest = this.now() - this.options.maxAgeMs;
    for (const [id, at] of this.seen) {
      if (at >= oldest && this.seen.size <= this.options.capacity) break;
      this.seen.delete(id);
    }
  }

  private scheduleSave(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, this.options.saveDelayMs);
    // A pending save never holds the process open; close() saves what is left.
    this.timer.unref();
  }

  private save(): void {
    if (!this.file || !this.dirty) return;
    this.dirty = false;
    const content = JSON.stringify({ formatVersion: FORMAT_VERSION, events: [...this.seen] });
    try {
      writeFileAtomic(this.file, `${content}\n`);
      this.saveFailed = false;
    } catch (error) {
      // Logged once per run of failures: the bot keeps answering, only restarts lose the ids.
      if (!this.saveFailed) this.logger.warn({ code: 'slack_events_save_failed', error: describeError(error) }, 'Cannot save the Slack event ids');
      this.saveFailed = true;
    }
  }
}

/** Reads the saved format; throws a message saying what is wrong. */
function parse(text: string): Array<[string, number]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON');
  }
  const { formatVersion, events } = (data ?? {}) as { formatVersion?: unknown; events?: unknown };
  if (formatVersion !== FORMAT_VERSION) throw new Error(`unknown format version ${JSON.stringify(formatVersion)} (expected ${FORMAT_VERSION})`);
  if (!Array.isArray(events)) throw new Error('its events field is not a list');
  return events.filter(
    (entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string' && entry[0] !== '' && typeof entry[1] === 'number' && Number.isFinite(entry[1]),
  );
}
