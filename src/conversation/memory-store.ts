import { BoundedMap } from '../util/bounded-map';
import { defaultConversationStoreOptions, type ConversationStore, type ConversationStoreOptions, type ConversationTurn } from './store';

/** A {@link ConversationStore} for one process: bounded in conversations and turns, with expiry. */
export function createMemoryConversationStore(options: ConversationStoreOptions = {}, now: () => number = Date.now): ConversationStore {
  const settings = { ...defaultConversationStoreOptions, ...options };
  const conversations = new BoundedMap<string, ConversationTurn[]>(settings.maxConversations);

  function live(conversationId: string): ConversationTurn[] | undefined {
    const turns = conversations.get(conversationId);
    if (!turns) return undefined;
    const last = turns[turns.length - 1];
    if (!last || now() - last.at > settings.expiryMs) {
      conversations.delete(conversationId);
      return undefined;
    }
    return turns;
  }

  return {
    async recent(conversationId, limit) {
      const turns = live(conversationId) ?? [];
      return turns.slice(Math.max(0, turns.length - limit)).map((t) => ({ ...t }));
    },
    async append(conversationId, turn) {
      const turns = [...(live(conversationId) ?? []), { ...turn }];
      conversations.set(conversationId, turns.slice(Math.max(0, turns.length - settings.turnsPerConversation)));
    },
    async updateLast(conversationId, turn) {
      const turns = live(conversationId);
      if (turns?.length) turns[turns.length - 1] = { ...turn };
    },
    async close() {},
  };
}
