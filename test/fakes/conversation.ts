import { createConversation, createMemoryConversationStore, type Conversation } from '../../src/conversation';
import type { Answer, AskContext } from '../../src/types';

/**
 * The real conversation layer over a hand-written core (adapter tests' fake QAs): follow-ups, several questions,
 * help and notices work as in the bot; "more" finds no passage (the fakes have none) and says so.
 */
export function conversationOver(fake: { ask(question: string, context?: AskContext): Answer; examples(limit?: number): string[] }): Conversation {
  return createConversation(
    {
      ask: (question, context) => fake.ask(question, context),
      lookup: (question) => fake.ask(question),
      examples: () => fake.examples(10),
      passage: () => undefined,
      nextPassage: () => undefined,
      documents: () => [{ file: 'forums/culture.md', title: 'Culture Forum' }, { file: 'staff.md', title: 'Staff' }],
      version: () => 'fake',
    },
    createMemoryConversationStore(),
  );
}
