import { describeError } from '../../src/errors';
import type { Store } from '../../src/store';
import { BoundedMap } from '../../src/util/bounded-map';
import type { Logger } from '../../src/types';

/** Where handled event ids are claimed: the store (SQLite or PostgreSQL), shared by every process and replica. */
export type EventClaims = Pick<Store, 'claimEvent'>;

/** Bounds of the in-memory fallback of {@link SeenEvents}. */
export interface SeenEventsOptions {
  /** How many event ids to keep in memory. @defaultValue 1000 */
  capacity: number;
}

const DEFAULTS: SeenEventsOptions = { capacity: 1000 };

/**
 * Slack event ids already handled, so a retry of an event (same `event_id`) gets no second reply: not after a
 * restart, a crash right after answering, nor when the retry reaches another process or replica. The id is
 * claimed in the store (an atomic insert-if-absent) before the event is handled. Without a store, ids are kept
 * in memory only. When the store cannot be reached the event is answered (a possible second reply is better
 * than none) and the failure logged.
 */
export class SeenEvents {
  private readonly memory: BoundedMap<string, true>;

  /**
   * @param store where ids are claimed; undefined keeps them in memory only
   * @param now the clock, for tests
   */
  constructor(
    private readonly store: EventClaims | undefined,
    private readonly logger: Logger,
    options: Partial<SeenEventsOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.memory = new BoundedMap({ ...DEFAULTS, ...options }.capacity);
  }

  /** Claims `eventId`; true only for the first claim of it, in any process sharing the store. */
  async firstTime(eventId: string): Promise<boolean> {
    // This process's own duplicates need no round trip.
    if (this.memory.has(eventId)) return false;
    this.memory.set(eventId, true);
    if (!this.store) return true;
    try {
      return await this.store.claimEvent(eventId, this.now());
    } catch (error) {
      this.logger.warn({ code: 'slack_event_claim_failed', error: describeError(error) }, 'Could not record a Slack event id in the store; answering it anyway');
      return true;
    }
  }
}
