import { createConversation, createMemoryConversationStore, type Conversation } from '../../src/conversation';
import type { Answer, AskContext, Passage } from '../../src/types';

/** Every passage of the fake knowledge shares this tag, so the fake examples count as near any answer. */
const FAKE_TAG = 'fake';

/**
 * The real conversation layer over a hand-written core (adapter tests' fake QAs): follow-ups, several questions,
 * related questions (drawn from the fake's examples), help and notices work as in the bot; "more" shows the
 * fake answer's passage once, then says that is all.
 */
export function conversationOver(fake: { ask(question: string, context?: AskContext): Answer; examples(limit?: number): string[] }): Conversation {
  const examples = () => fake.examples(10);
  const passage = (id: string): Passage => {
    const [file = 'fake.md', line = '1'] = id.split('#');
    return { id, kind: 'text', text: `The passage at ${id}.`, lang: 'en', headings: [], source: { title: file, file, heading: '', line: Number(line) }, tags: [FAKE_TAG] };
  };
  return createConversation(
    {
      ask: (question, context) => fake.ask(question, context),
      // Each example is "answered" from a passage of its own, without being recorded as asked.
      lookup: (question) => {
        const n = examples().indexOf(question) + 1;
        return { id: `lookup-${n}`, status: 'answered', kind: 'fact', answer: question, sources: [passage(`examples.md#${n}`).source], passage: '', confidence: 1, related: [], understoodAs: question };
      },
      examples,
      passage,
      nextPassage: () => undefined,
      documents: () => [{ file: 'forums/culture.md', title: 'Culture Forum' }, { file: 'staff.md', title: 'Staff' }],
      version: () => 'fake',
    },
    createMemoryConversationStore(),
  );
}
