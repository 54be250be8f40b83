/**
 * The conversation behaviours, one test each, run on every surface (terminal chat, Slack, Discord) through the
 * shared conversation and presentation layers, over the real core and the bundled knowledge. What a reply must
 * say is worked out from the core itself (its stateless `ask`, the passage it cites), never written here.
 */
import path from 'node:path';
import { splitQuestions } from '../../src/conversation';
import { nextChunk, shownByAnswer } from '../../src/conversation/more';
import { NOTICES, sourceLabel, voteThanks } from '../../src/present';
import { createQA, type QA } from '../../src';
import { plain, surfaces, type Surface } from './surfaces';

const KNOWLEDGE = path.join(__dirname, '../../knowledge');

describe.each(surfaces().map((surface) => [surface.name, surface] as const))('%s', (_name, surface: Surface) => {
  let qa: QA;

  beforeAll(async () => {
    qa = await createQA({ knowledgeDir: KNOWLEDGE, persistIndex: false, logQuestions: false });
    await surface.start(qa);
  });
  afterAll(async () => {
    await surface.close();
    await qa.close();
  });
  afterEach(() => jest.restoreAllMocks());

  it('reads a follow-up in the context of the question before it in the same conversation', async () => {
    const first = 'Is Göteborg a member?';
    const followUp = 'what about Malmö?';
    const withContext = qa.ask(followUp, { previousQuestion: qa.ask(first).understoodAs });
    expect(withContext.answer).not.toBe(qa.ask(followUp).answer);

    const session = await surface.session();
    await session.send(first);
    const shown = await session.send(followUp);
    expect(shown.text).toContain(plain(withContext.answer));
  });

  it('"tell me more" gives the rest of the passage, and a further "more" says when there is no more', async () => {
    const question = 'What is ENoLL?';
    const answer = qa.ask(question);
    const rest = nextChunk(answer.passage, shownByAnswer(answer.answer, answer.passage)).chunk;
    expect(rest.length).toBeGreaterThan(0);

    const session = await surface.session();
    await session.send(question);
    expect((await session.send('tell me more')).text).toContain(plain(rest));
    expect((await session.send('more')).text).toContain(plain(NOTICES.moreAtEnd(sourceLabel(answer.sources[0]!))));
  });

  it('answers each question of a message that asks several, each with its source', async () => {
    const message = 'Is Göteborg a member? and Malmö?';
    const parts = splitQuestions(message);
    expect(parts).toHaveLength(2);
    const first = qa.ask(parts[0]!);
    const second = qa.ask(parts[1]!, { previousQuestion: first.understoodAs });

    const shown = await (await surface.session()).send(message);
    expect(shown.text).toContain(plain(first.answer));
    expect(shown.text).toContain(plain(second.answer));
    expect(shown.votable.length).toBe(surface.name === 'cli' ? 1 : 2);
  });

  it('offers related questions near the answer, never the one just asked, and asks the one picked', async () => {
    const question = qa.examples(2)[1]!;
    const session = await surface.session();
    const shown = await session.send(question);
    expect(shown.related.length).toBeGreaterThan(0);
    expect(shown.related.map((q) => q.toLowerCase())).not.toContain(question.toLowerCase());
    for (const q of shown.related) expect(qa.examples(100)).toContain(q);

    const picked = shown.related[0]!;
    const answer = await session.pickRelated(1);
    expect(answer.text).toContain(plain(qa.ask(picked).answer));
    // Already asked in this conversation: not suggested again.
    expect(answer.related).not.toContain(picked);
    expect(answer.related).not.toContain(question);
  });

  it('records every vote on an answer, so a person\'s last vote is the one that counts', async () => {
    const feedback = jest.spyOn(qa, 'feedback');
    const session = await surface.session();
    const shown = await session.send(qa.examples(1)[0]!);
    const [handle] = shown.votable;
    expect(handle).toBeDefined();
    expect(await session.vote(handle!, 'up')).toBe(plain(voteThanks('up')));
    expect(await session.vote(handle!, 'down')).toBe(plain(voteThanks('down')));
    expect(feedback.mock.calls.map(([, vote]) => vote)).toEqual(['up', 'down']);
    expect(new Set(feedback.mock.calls.map(([id]) => id)).size).toBe(1);
  });

  it.each(['what can you do?', 'help', 'wat kun je?'])('answers "%s" with the topics the knowledge covers and checked examples', async (message) => {
    const help = qa.help(surface.name);
    const shown = await (await surface.session()).send(message);
    for (const group of help.topics) for (const title of group.titles) expect(shown.text).toContain(plain(title));
    for (const example of help.examples.slice(0, 3)) expect(shown.text + shown.related.join(' ')).toContain(example);
    for (const example of help.examples) expect(qa.ask(example).status).toBe('answered');
  });
});
