import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, buttonClick, directMessage, eventEnvelope, slashCommand } from '../../fakes/slack/payloads';
import type { FakeSocketMode } from '../../fakes/slack/socket-mode';
import type { FakeSlackWebApi } from '../../fakes/slack/web-api';
import { BOT_TOKEN, startSocketHarness, type SocketHarness } from './harness';

describe('Slack adapter over Socket Mode (real Bolt, fake Slack on 127.0.0.1)', () => {
  const qa = new FakeQA();
  let h: SocketHarness;
  let api: FakeSlackWebApi;
  let socket: FakeSocketMode;
  let logger: ReturnType<typeof captureLogger>;

  beforeAll(async () => {
    h = await startSocketHarness(qa);
    ({ api, socket, logger } = h);
  });

  afterAll(async () => {
    await h?.close();
  });

  beforeEach(() => api.reset());

  it('answers an @mention in the thread of that message, with its sources', async () => {
    const event = appMention('<@UBOT00001> who chairs the culture forum?');
    const ack = await socket.send('events_api', eventEnvelope(event));
    expect(ack.envelope_id).toMatch(/^env-/);

    const [post] = (await api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'))).filter((c) => c.method === 'chat.postMessage');
    expect(post!.params.channel).toBe('CGENERAL1');
    expect(post!.params.thread_ts).toBe(event.ts);
    expect(post!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post!.params.text).toBe('Answer to: who chairs the culture forum?');
    const context = JSON.stringify(post!.params.blocks);
    expect(context).toContain('<https://eurocities.eu/culture|Culture Forum › Chair>');
    expect(context).toContain('Staff');
    expect(qa.asked.at(-1)).toEqual({ question: 'who chairs the culture forum?', context: { platform: 'slack', userId: 'UALICE001', conversationId: expect.stringMatching(/^slack:CGENERAL1:/) } });
  });

  const posts = () => api.callsTo('chat.postMessage');
  const responses = () => api.callsTo('response_url');
  const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

  it('answers a direct message in the DM, not in a thread', async () => {
    const event = directMessage('Which cities are members?');
    await socket.send('events_api', eventEnvelope(event));
    await api.waitFor(() => posts().length === 1);
    expect(posts()[0]!.params.channel).toBe('DALICE001');
    expect(posts()[0]!.params.thread_ts).toBeUndefined();
    expect(posts()[0]!.params.text).toBe('Answer to: Which cities are members?');
  });

  it('answers /ask privately in the ack, with a "Share in channel" button that posts it to the channel', async () => {
    const ack = await socket.send('slash_commands', slashCommand('/ask', 'who chairs the culture forum?', api.responseUrl('ask-1')));
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(ack.payload?.text).toBe('Answer to: who chairs the culture forum?');
    const share = ack.payload?.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === 'share_answer');
    expect(share).toBeDefined();
    expect(posts()).toHaveLength(0);

    await socket.send('interactive', buttonClick('share_answer', share.value, api.responseUrl('ask-1'), { ephemeral: true }));
    await api.waitFor(() => responses().length === 2);
    const [shared, removed] = responses();
    expect(shared!.params).toMatchObject({ response_type: 'in_channel', replace_original: false, text: 'Answer to: who chairs the culture forum?' });
    expect(JSON.stringify(shared!.params.blocks)).toContain('<@UALICE001> asked: who chairs the culture forum?');
    expect(removed!.params).toEqual({ delete_original: true });
  });

  it('records a 👍 click as feedback for that answer and thanks the user privately', async () => {
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    await api.waitFor(() => posts().length === 1);
    const up = posts()[0]!.params.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === 'feedback_up');

    const ack = await socket.send('interactive', buttonClick('feedback_up', up.value, api.responseUrl('fb-1'), { user: 'UBOB00001' }));
    expect(ack.envelope_id).toBeDefined();
    await api.waitFor(() => responses().length === 1);
    expect(qa.votes.at(-1)).toEqual({ answerId: up.value, vote: 'up', context: { platform: 'slack', userId: 'UBOB00001' } });
    expect(responses()[0]!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });

    // A second click by the same person is recorded too: the question log counts a person's last vote.
    await socket.send('interactive', buttonClick('feedback_down', up.value, api.responseUrl('fb-2'), { user: 'UBOB00001' }));
    await api.waitFor(() => responses().length === 2);
    expect(qa.votes.at(-1)).toEqual({ answerId: up.value, vote: 'down', context: { platform: 'slack', userId: 'UBOB00001' } });
  });

  it('answers a related-question button in the same thread', async () => {
    const root = appMention('<@UBOT00001> who chairs the culture forum?');
    await socket.send('events_api', eventEnvelope(root));
    await api.waitFor(() => posts().length === 1);
    const related = posts()[0]!.params.blocks.find((b: any) => b.block_id === 'related').elements[0];
    expect(qa.examples(10)).toContain(related.value);

    await socket.send('interactive', buttonClick(related.action_id, related.value, api.responseUrl('rel-1'), { messageTs: '1710000999.000001', threadTs: root.ts }));
    await api.waitFor(() => posts().length === 2);
    expect(posts()[1]!.params).toMatchObject({ channel: 'CGENERAL1', thread_ts: root.ts, text: `Answer to: ${related.value}` });
    expect(qa.asked.at(-1)).toMatchObject({ question: related.value, context: { conversationId: `slack:CGENERAL1:${root.ts}` } });
  });

  it('understands a follow-up in a thread in the context of the earlier question', async () => {
    const root = appMention('<@UBOT00001> who chairs the culture forum?');
    await socket.send('events_api', eventEnvelope(root));
    await api.waitFor(() => posts().length === 1);
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> and who is the staff contact?', { thread_ts: root.ts })));
    await api.waitFor(() => posts().length === 2);
    expect(qa.asked.at(-1)?.context?.previousQuestion).toBe('who chairs the culture forum?');
    expect(posts()[1]!.params.thread_ts).toBe(root.ts);

    // Another thread has no such context.
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> and who is the staff contact?')));
    await api.waitFor(() => posts().length === 3);
    expect(qa.asked.at(-1)?.context?.previousQuestion).toBeUndefined();
  });

  it('answers a retried event once', async () => {
    const envelope = eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?'));
    await socket.send('events_api', envelope);
    await api.waitFor(() => posts().length === 1);
    const retry = await socket.send('events_api', envelope, { retry_attempt: 1, retry_reason: 'timeout' });
    expect(retry.envelope_id).toBeDefined();
    await settle();
    expect(posts()).toHaveLength(1);
  });

  it('survives 429 and 500 from the Web API and still replies', async () => {
    api.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '0' } });
    api.failNext('chat.postMessage', { status: 500 });
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    await api.waitFor(() => posts().length === 1);
    expect(api.attemptsOf('chat.postMessage')).toBe(3);

    // When Slack keeps failing, the reply is given up and logged; the bot keeps answering.
    api.failNext('chat.postMessage', { status: 500 }, 10);
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> which cities are members?')));
    await api.waitFor(() => api.attemptsOf('chat.postMessage') >= 7, 5000).catch(() => undefined);
    await settle(300);
    expect(logger.lines.some((l) => l.includes('slack_post_failed'))).toBe(true);
    api.reset();
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> what is Eurocities?')));
    await api.waitFor(() => posts().length === 1);
  });

  it('ignores bots, itself, edits, deletions and channel chatter', async () => {
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs?', { bot_id: 'BOTHER001' })));
    await socket.send('events_api', eventEnvelope(directMessage('hello from a bot', { bot_id: 'BOTHER001' })));
    await socket.send('events_api', eventEnvelope(directMessage('my own answer', { user: 'UBOT00001' })));
    await socket.send('events_api', eventEnvelope({ ...directMessage('x'), subtype: 'message_changed', message: { text: 'edited' } }));
    await socket.send('events_api', eventEnvelope({ ...directMessage('x'), subtype: 'message_deleted' }));
    await socket.send('events_api', eventEnvelope({ ...directMessage('who chairs the culture forum?'), channel_type: 'channel', channel: 'CGENERAL1' }));
    await settle(300);
    expect(posts()).toHaveLength(0);
  });

  it('replies briefly to an empty mention, emoji only, a 40,000-character message and a file, and answers code blocks', async () => {
    const ask = async (text: string, extra: Record<string, unknown> = {}) => {
      const before = posts().length;
      await socket.send('events_api', eventEnvelope({ ...appMention(text), ...extra }));
      await api.waitFor(() => posts().length === before + 1);
      return posts()[before]!.params;
    };
    const asked = qa.asked.length;
    expect((await ask('<@UBOT00001>')).text).toBe(qa.help('slack').intro);
    expect((await ask('<@UBOT00001> :wave: :tada: 👍')).text).toBe(qa.help('slack').intro);
    expect((await ask(`<@UBOT00001> ${'why '.repeat(10_000)}`)).text).toMatch(/too long.*at most 1000 characters/);
    expect((await ask('<@UBOT00001>', { files: [{ id: 'F1', name: 'a.pdf' }] })).text).toMatch(/only read text/);
    expect(qa.asked.length).toBe(asked);
    expect((await ask('<@UBOT00001> ```who chairs the culture forum?```')).text).toBe('Answer to: who chairs the culture forum?');

    // An emoji-only DM (a thumbs up after an answer) needs no reply.
    await socket.send('events_api', eventEnvelope(directMessage(':+1:')));
    await settle();
    expect(posts()).toHaveLength(5);

    // A file shared in a DM without a question gets told what the bot can read.
    await socket.send('events_api', eventEnvelope(directMessage('', { subtype: 'file_share', files: [{ id: 'F2', name: 'minutes.docx' }] })));
    await api.waitFor(() => posts().length === 6);
    expect(posts()[5]!.params).toMatchObject({ channel: 'DALICE001', text: expect.stringMatching(/only read text/) });
  });

  it('never pings @channel, @here or @everyone and escapes text from the knowledge', async () => {
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> tricky <!channel>')));
    await api.waitFor(() => posts().length === 1);
    const sent = JSON.stringify(posts()[0]!.params);
    expect(sent).not.toMatch(/<!(channel|here|everyone)>/);
    expect(sent).not.toMatch(/@(channel|here|everyone)/);
    expect(posts()[0]!.params.text).toContain('R&amp;D &lt;b&gt;bold&lt;/b&gt;');
    expect(qa.asked.at(-1)?.question).toBe('tricky');
  });

  it('refuses /kb reindex to a user who is not a maintainer, and runs nothing', async () => {
    const ack = await socket.send('slash_commands', slashCommand('/kb', 'reindex', api.responseUrl('kb-1'), 'UALICE001'));
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(ack.payload?.text).toMatch(/^Sorry, \/kb is for the knowledge maintainers only/);
    await settle();
    expect(qa.reloads).toBe(0);
    expect(responses()).toHaveLength(0);
  });

  it('runs /kb reindex, stats and unanswered for a maintainer', async () => {
    const ack = await socket.send('slash_commands', slashCommand('/kb', 'reindex', api.responseUrl('kb-2'), 'UMAINT001'));
    expect(ack.payload?.text).toMatch(/Reindexing/);
    await api.waitFor(() => responses().length === 1);
    expect(qa.reloads).toBe(1);
    expect(responses()[0]!.params.text).toContain('`broken.md:7` bad front matter');

    const stats = await socket.send('slash_commands', slashCommand('/kb', 'stats', api.responseUrl('kb-3'), 'UMAINT001'));
    expect(stats.payload?.text).toContain('*Documents:* 12');
    expect(stats.payload?.text).toContain('*Answer rate:* 75%');
    const unanswered = await socket.send('slash_commands', slashCommand('/kb', 'unanswered', api.responseUrl('kb-4'), 'UMAINT001'));
    expect(unanswered.payload?.text).toContain('1. Where is the &lt;secret&gt; meeting? (×2)');
  });

  it('keeps answering after Slack asks it to reconnect', async () => {
    const before = socket.connections;
    socket.requestReconnect();
    await socket.waitForConnections(before + 1, 5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    await api.waitFor(() => posts().length === 1);
    expect(socket.open).toBe(1);
  });

  it('reconnects and keeps answering after the connection drops without a disconnect message', async () => {
    const before = socket.connections;
    socket.dropConnections();
    await socket.waitForConnections(before + 1, 5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    await api.waitFor(() => posts().length === 1);
    expect(socket.open).toBe(1);
  });

  it('apologises privately and keeps running when answering throws', async () => {
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> explode please')));
    await api.waitFor(() => api.callsTo('chat.postEphemeral').length === 1);
    expect(api.callsTo('chat.postEphemeral')[0]!.params).toMatchObject({ channel: 'CGENERAL1', user: 'UALICE001', text: expect.stringMatching(/^Sorry, something went wrong/) });
    expect(logger.lines.some((l) => l.includes('slack_listener_failed') && l.includes('the fake core exploded'))).toBe(true);
    await socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?')));
    await api.waitFor(() => posts().length === 1);
  });

  it('never writes a token to the log', () => {
    const all = logger.lines.join('\n');
    expect(all).not.toContain('secretbottoken');
    expect(all).not.toContain('secretapptoken');
    expect(all).toContain('slack_started');
  });
});
