import path from 'node:path';
import { createQA, type QA } from '../../../src';
import { appMention, eventEnvelope, slashCommand } from '../../fakes/slack/payloads';
import { startSocketHarness, type SocketHarness } from './harness';

const KNOWLEDGE = path.join(__dirname, '../../../knowledge');

/** The real core over the bundled knowledge, behind the real Bolt app and the fake Slack. */
describe('Slack bot over the real core', () => {
  let qa: QA;
  let h: SocketHarness;

  beforeAll(async () => {
    qa = await createQA({ knowledgeDir: KNOWLEDGE, persistIndex: false, logQuestions: false });
    h = await startSocketHarness(qa);
  });
  afterAll(async () => {
    await h?.close();
    await qa?.close();
  });
  beforeEach(() => h.api.reset());

  const posts = () => h.api.callsTo('chat.postMessage');
  const buttons = (blocks: any[]) => blocks.flatMap((b) => b.elements ?? []).filter((e: any) => e.type === 'button');

  it('answers an example question from the knowledge in the thread, with sources and buttons', async () => {
    const [example] = qa.examples(1);
    const event = appMention(`<@UBOT00001> ${example}`);
    await h.socket.send('events_api', eventEnvelope(event));
    await h.api.waitFor(() => posts().length === 1);
    const { params } = posts()[0]!;
    expect(params.thread_ts).toBe(event.ts);
    expect(params.text.length).toBeGreaterThan(0);
    expect(params.blocks.some((b: any) => b.type === 'context' && b.elements[0].text.startsWith(':page_facing_up: '))).toBe(true);
    expect(buttons(params.blocks).map((b: any) => b.action_id)).toEqual(expect.arrayContaining(['feedback_up', 'feedback_down']));
  });

  it('names the human contact when the documents do not answer', async () => {
    await h.socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> What is the weather like on Mars tomorrow?')));
    await h.api.waitFor(() => posts().length === 1);
    const { contact } = qa.ask('What is the weather like on Mars tomorrow?');
    expect(contact).toBeTruthy();
    expect(posts()[0]!.params.text).toContain(contact);
  });

  it('passes the thread\'s earlier question to the core for a follow-up', async () => {
    const ask = jest.spyOn(qa, 'ask');
    const [example] = qa.examples(1);
    const root = appMention(`<@UBOT00001> ${example}`);
    await h.socket.send('events_api', eventEnvelope(root));
    await h.api.waitFor(() => posts().length === 1);
    await h.socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> and who is the staff contact?', { thread_ts: root.ts })));
    await h.api.waitFor(() => posts().length === 2);
    expect(ask).toHaveBeenLastCalledWith('and who is the staff contact?', expect.objectContaining({ platform: 'slack', userId: 'UALICE001', previousQuestion: expect.any(String) }));
    ask.mockRestore();
  });

  it('shows real knowledge stats to a maintainer with /kb stats', async () => {
    const ack = await h.socket.send('slash_commands', slashCommand('/kb', 'stats', h.api.responseUrl('kb'), 'UMAINT001'));
    expect(ack.payload?.text).toMatch(/\*Documents:\* [1-9]/);
  });

  it('refuses /kb reindex to a non-maintainer and does not reload', async () => {
    const reload = jest.spyOn(qa, 'reload');
    const ack = await h.socket.send('slash_commands', slashCommand('/kb', 'reindex', h.api.responseUrl('kb'), 'UALICE001'));
    expect(ack.payload?.text).toMatch(/maintainers only/);
    expect(reload).not.toHaveBeenCalled();
    reload.mockRestore();
  });

  it('reindexes for a maintainer and reports the counts privately', async () => {
    const ack = await h.socket.send('slash_commands', slashCommand('/kb', 'reindex', h.api.responseUrl('kb-re'), 'UMAINT001'));
    expect(ack.payload?.text).toMatch(/Reindexing/);
    await h.api.waitFor(() => h.api.callsTo('response_url').length === 1, 10_000);
    expect(h.api.callsTo('response_url')[0]!.params).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^:white_check_mark: Reindexed: [1-9]\d* documents/) });
  });
});
