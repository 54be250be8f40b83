import { createQA, type QA } from '../../src';
import { createMemoryConversationStore, type ConversationStore } from '../../src/conversation';
import { NOTICES, MAX_QUESTION_CHARS } from '../../src/present';
import { doc, makeTempDir, removeDir, writeTree } from '../core/helpers';

/** A small knowledge with a section of several paragraphs, so "more" can walk through it. */
const KNOWLEDGE = {
  'harbour.md': doc(
    { title: '"The Harbour League"', lang: 'en', tags: '[league, harbours]' },
    `# The Harbour League

The Harbour League is an association of port cities around the Baltic Sea. It was founded in 1998 in Gdansk. Its secretariat sits in Rostock.

## Projects

The Clean Quays project removes plastic from harbour basins in twelve member cities.

The Night Ferry project studies quieter ferries for residential waterfronts.

## Members

- Gdansk
- Rostock
- Turku

## People

- **Chair:** Mira Holm, mayor of Turku
- **Staff contact:** Jonas Berg, League office
`,
  ),
  'ferries.md': doc({ title: '"Ferry Guild"', lang: 'en', tags: '[harbours]' }, '# Ferry Guild\n\nThe Ferry Guild is a club of ferry operators founded in 2004.\n'),
};

describe('converse', () => {
  let dir: string;
  let qa: QA;
  let store: ConversationStore;

  beforeAll(async () => {
    dir = writeTree(makeTempDir(), KNOWLEDGE);
    store = createMemoryConversationStore();
    qa = await createQA({ knowledgeDir: dir, persistIndex: false, logQuestions: false, conversationStore: store });
  });
  afterAll(async () => {
    await qa.close();
    removeDir(dir);
  });

  const answers = async (message: string, conversationId?: string) => {
    const reply = await qa.converse(message, { conversationId, platform: 'api' });
    if (reply.kind !== 'answers') throw new Error(`expected answers, got ${JSON.stringify(reply)}`);
    return reply.answers;
  };

  it('walks "more" through the rest of a passage, then the next passages of its section, then says it is the end', async () => {
    const [first] = await answers('What is the Clean Quays project?', 'walk');
    expect(first.sources[0]!.heading).toBe('Projects');
    const [more] = await answers('more', 'walk');
    expect(more.answer).toBe('The Night Ferry project studies quieter ferries for residential waterfronts.');
    expect(more.sources[0]!.line).toBeGreaterThan(first.sources[0]!.line);
    const end = await qa.converse('tell me more', { conversationId: 'walk' });
    expect(end).toEqual({ kind: 'notice', reason: 'more_at_end', text: NOTICES.moreAtEnd('The Harbour League › Projects') });
  });

  it('says "more" needs an answer first, in a new conversation or without one', async () => {
    expect(await qa.converse('more', { conversationId: 'fresh' })).toMatchObject({ kind: 'notice', reason: 'more_without_answer' });
    expect(await qa.converse('more')).toMatchObject({ kind: 'notice', reason: 'more_without_answer' });
  });

  it('keeps conversations apart: a follow-up reads only its own conversation', async () => {
    await answers('Is Gdansk a member?', 'a');
    const [inA] = await answers('what about Turku?', 'a');
    const [inB] = await answers('what about Turku?', 'b');
    expect(inA.status).toBe('answered');
    expect(inA.understoodAs).not.toBe(inB.understoodAs);
  });

  it('leans a follow-up on the last answered question, not on small talk or an unanswered one', async () => {
    await answers('Is Gdansk a member?', 'c');
    await answers('thanks!', 'c');
    await answers('What is the weather on Mars?', 'c');
    const [followUp] = await answers('what about Rostock?', 'c');
    expect(followUp.status).toBe('answered');
    expect(followUp.understoodAs.toLowerCase()).toContain('member');
  });

  it('suggests related questions near the answer but none already asked here, and none for an unanswered question', async () => {
    const [answer] = await answers('Who is the chair?', 'd');
    expect(answer.related.length).toBeGreaterThan(0);
    for (const q of answer.related) expect(qa.examples(100)).toContain(q);
    const [again] = await answers(answer.related[0]!, 'd');
    expect(again.related).not.toContain(answer.related[0]);
    expect(again.related.map((q) => q.toLowerCase())).not.toContain('who is the chair?');
    const [unanswered] = await answers('What is the weather on Mars?', 'd');
    expect(unanswered.related).toEqual([]);
  });

  it('answers every question of a message, and remembers each turn', async () => {
    const replies = await answers('Who is the chair and who is the staff contact?', 'e');
    expect(replies.map((a) => a.status)).toEqual(['answered', 'answered']);
    expect(new Set(replies.flatMap((a) => a.related)).size).toBe(replies.flatMap((a) => a.related).length);
    expect((await store.recent('e', 10)).map((t) => t.question)).toEqual(['Who is the chair', 'who is the staff contact?']);
  });

  it('answers an empty or overlong message with a notice and remembers nothing', async () => {
    expect(await qa.converse(' 👍 ', { conversationId: 'f' })).toMatchObject({ kind: 'notice', reason: 'empty' });
    expect(await qa.converse('x'.repeat(MAX_QUESTION_CHARS + 1), { conversationId: 'f' })).toEqual({ kind: 'notice', reason: 'too_long', text: NOTICES.tooLong(MAX_QUESTION_CHARS + 1) });
    expect(await store.recent('f', 10)).toEqual([]);
  });

  it('gives help with the documents grouped as topics and examples the core answers', async () => {
    const reply = await qa.converse('help', { platform: 'cli' });
    if (reply.kind !== 'help') throw new Error('expected help');
    expect(reply.help.topics).toEqual([{ name: 'General', titles: ['Ferry Guild', 'The Harbour League'] }]);
    expect(reply.help.examples.length).toBeGreaterThan(0);
    for (const example of reply.help.examples) expect(qa.ask(example).status).toBe('answered');
  });
});
