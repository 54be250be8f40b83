/** How long the store keeps each kind of record. */
import { defaultConversationStoreOptions } from '../conversation/store';
import type { PruneCutoffs } from './store';

const DAY_MS = 86_400_000;

/**
 * Slack event ids are kept an hour: Slack retries an event three times within about five minutes
 * (https://api.slack.com/apis/events-api#retries), so an hour covers a retry after a slow restart too.
 */
export const SLACK_EVENT_RETENTION_MS = 60 * 60 * 1000;

/** The cutoffs for {@link Store.prune} at `now`: questions by `LOG_RETENTION_DAYS`, event ids and conversations by their expiry. */
export function storeCutoffs(now: Date, retentionDays: number, conversationExpiryMs: number = defaultConversationStoreOptions.expiryMs): PruneCutoffs {
  return {
    questionsBefore: new Date(now.getTime() - retentionDays * DAY_MS),
    eventsBefore: new Date(now.getTime() - SLACK_EVENT_RETENTION_MS),
    conversationsBefore: new Date(now.getTime() - conversationExpiryMs),
  };
}
