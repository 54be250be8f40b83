import { MAINTAINERS_ONLY } from '../../../adapters/discord/commands/kb';
import { ERROR_NOTICE } from '../../../adapters/discord/respond';
import { createFakeQA, LONG_RELATED } from '../../fakes/discord/fakeQA';
import { startHarness, type Harness } from './harness';

const MANAGE_GUILD = 1n << 5n;
const EPHEMERAL = 64;

describe('Discord bot against a fake Discord', () => {
  const fakeQA = createFakeQA();
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(fakeQA.qa);
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const mention = (text: string, extra: Parameters<Harness['fake']['messageCreate']>[0] | object = {}) =>
    h.fake.messageCreate({ content: `<@${h.fake.botId}> ${text}`, mentionBot: true, ...extra });

  it('connects with the non-privileged intents only and identifies with the configured token', () => {
    const identify = h.fake.received.find((p) => p.op === 2);
    expect(identify?.d.token).toBe(h.fake.token);
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096); no MessageContent (32768).
    expect(identify?.d.intents).toBe(1 | 512 | 4096);
  });

  it('replies to an @mention with an escaped embed citing its source, and pings nobody', async () => {
    const asked = fakeQA.asked.length;
    const id = mention('who chairs the network?');
    const request = await h.fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === id);

    expect(request.path).toBe(`/api/v10/channels/${h.fake.channelId}/messages`);
    expect(request.headers.authorization).toBe(`Bot ${h.fake.token}`);
    expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const [embed] = request.body.embeds;
    expect(embed.description).toContain('\\*Dario Nardella\\*');
    expect(embed.description).toContain('\\<@123456789012345678>');
    expect(embed.fields[0].value).toContain('](https://eurocities.eu/about-us/governance/)');
    const ids = request.body.components.flatMap((row: any) => row.components.map((b: any) => b.custom_id));
    expect(ids).toEqual(expect.arrayContaining([expect.stringMatching(/^fb:up:ans-/), expect.stringMatching(/^fb:down:ans-/), 'ask:Who is the vice chair?', 'ask:How do cities join?']));
    expect(fakeQA.asked[asked]).toEqual({ question: 'who chairs the network?', context: { platform: 'discord', userId: '100000000000000001', conversationId: `discord:${h.fake.channelId}:${id}` } });
  });

  it('answers a direct message', async () => {
    const id = h.fake.messageCreate({ content: 'how do cities join?', dm: true });
    const reply = await h.fake.botReplyTo(id);
    expect(reply.channel_id).not.toBe(h.fake.channelId);
    expect(reply.embeds[0].description).toContain('- as full members');
    expect(reply.embeds[0].fields[0].value).toContain('membership.md, line 3');
  });

  it("answers a mention of the bot's own integration role", async () => {
    const id = h.fake.messageCreate({ content: `<@&${h.fake.botRoleId}> how do cities join?`, mentionBotRole: true });
    await h.fake.botReplyTo(id);
    expect(fakeQA.asked.at(-1)?.question).toBe('how do cities join?');
  });

  it('ignores channel chatter, other bots and its own messages', async () => {
    const asked = fakeQA.asked.length;
    const chatter = h.fake.messageCreate({ content: 'who chairs the network?' });
    const otherBot = h.fake.messageCreate({ content: `<@${h.fake.botId}> who chairs the network?`, mentionBot: true, bot: true, authorId: '100000000000000077' });
    const itself = h.fake.messageCreate({ content: `<@${h.fake.botId}> how do cities join?`, mentionBot: true, bot: true, authorId: h.fake.botId });
    const real = mention('how do cities join?');
    await h.fake.botReplyTo(real);
    const replied = (id: string) => h.fake.requests.some((r) => r.body?.message_reference?.message_id === id);
    expect([replied(chatter), replied(otherBot), replied(itself)]).toEqual([false, false, false]);
    expect(fakeQA.asked.slice(asked).map((a) => a.question)).toEqual(['how do cities join?']);
  });

  it('answers /ask through the interaction callback, which carries no Authorization header', async () => {
    const interaction = h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: 'Who chairs the network?' }]);
    const callback = await h.callback(interaction);
    expect(callback.headers.authorization).toBeUndefined();
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(callback.body.data.embeds[0].description).toContain('Dario Nardella');
  });

  it('answers /ask privately when asked to', async () => {
    const interaction = h.fake.slashCommand('ask', [
      { name: 'question', type: 3, value: 'How do cities join?' },
      { name: 'private', type: 5, value: true },
    ]);
    const callback = await h.callback(interaction);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
  });

  it('suggests questions from the knowledge in autocomplete', async () => {
    const typed = await h.callback(h.fake.autocomplete('join'));
    expect(typed.body.type).toBe(8);
    expect(typed.body.data.choices).toContainEqual({ name: 'How do cities join?', value: 'How do cities join?' });
    expect(typed.body.data.choices.every((c: { name: string }) => /join/i.test(c.name))).toBe(true);
    const empty = await h.callback(h.fake.autocomplete(''));
    expect(empty.body.data.choices).toHaveLength(fakeQA.qa.examples(25).length);
  });

  it('records every 👍/👎 click (a person\'s last vote counts) and thanks privately', async () => {
    const answer = await h.fake.botReplyTo(mention('who chairs the network?'));
    const up = h.fake.buttonIds(answer.id).find((id) => id.startsWith('fb:up:'))!;
    const answerId = up.slice('fb:up:'.length);
    const before = fakeQA.feedback.length;

    const first = await h.callback(h.fake.clickButton(answer.id, up, { userId: '100000000000000005' }));
    expect(first.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('Thanks') });
    const again = await h.callback(h.fake.clickButton(answer.id, up, { userId: '100000000000000005' }));
    expect(again.body.data.content).toContain('last vote is the one that counts');
    const down = h.fake.buttonIds(answer.id).find((id) => id.startsWith('fb:down:'))!;
    await h.callback(h.fake.clickButton(answer.id, down, { userId: '100000000000000006' }));

    expect(fakeQA.feedback.slice(before)).toEqual([
      { answerId, vote: 'up', context: { platform: 'discord', userId: '100000000000000005' } },
      { answerId, vote: 'up', context: { platform: 'discord', userId: '100000000000000005' } },
      { answerId, vote: 'down', context: { platform: 'discord', userId: '100000000000000006' } },
    ]);
  });

  it('asks a related question when its button is clicked, short or long', async () => {
    const answer = await h.fake.botReplyTo(mention('who chairs the network?'));
    const [short, long] = h.fake.buttonIds(answer.id).filter((id) => !id.startsWith('fb:'));
    expect(long).toMatch(/^rel:1:/);

    const shortReply = await h.callback(h.fake.clickButton(answer.id, short));
    expect(shortReply.body.type).toBe(4);
    expect(shortReply.body.data.flags ?? 0).toBe(0);
    expect(fakeQA.asked.at(-1)?.question).toBe('Who is the vice chair?');

    await h.callback(h.fake.clickButton(answer.id, long));
    expect(fakeQA.asked.at(-1)?.question).toBe(LONG_RELATED);
  });

  it('understands a reply to one of its answers as a follow-up of the earlier question', async () => {
    const answer = await h.fake.botReplyTo(mention('who chairs the network?'));
    // A reply that pings the bot carries its content without the Message Content intent.
    const followUp = h.fake.messageCreate({ content: 'and the staff contact?', replyTo: answer.id, mentionRepliedUser: true });
    const reply = await h.fake.botReplyTo(followUp);
    expect(fakeQA.asked.at(-1)).toEqual({
      question: 'and the staff contact?',
      context: { platform: 'discord', userId: '100000000000000001', previousQuestion: 'who chairs the network?', conversationId: expect.stringMatching(/^discord:/) },
    });
    expect(reply.embeds[0].footer.text).toBe('Understood as: who chairs the network? staff contact');
  });

  it('follows up on an /ask answer too', async () => {
    const interaction = h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: 'Who chairs the network?' }]);
    await h.callback(interaction);
    const answer = h.fake.originalMessage(interaction.token);
    const followUp = h.fake.messageCreate({ content: 'and the staff contact?', replyTo: answer.id, mentionRepliedUser: true });
    await h.fake.botReplyTo(followUp);
    expect(fakeQA.asked.at(-1)?.context?.previousQuestion).toBe('Who chairs the network?');
  });

  it('waits out a 429 with Retry-After, then delivers the reply', async () => {
    h.fake.rateLimitNext('POST', /\/channels\/\d+\/messages$/, 0.3);
    const id = mention('how do cities join?');
    await h.fake.botReplyTo(id);
    const attempts = h.fake.requests.filter((r) => r.body?.message_reference?.message_id === id);
    expect(attempts).toHaveLength(2);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(250);
    expect(h.logger.entries.some((e) => e.obj.code === 'discord_rate_limited')).toBe(true);
  });

  it('resumes after the gateway closes with 4000, replays what it missed, and keeps answering', async () => {
    const resumes = h.fake.gateway.resumes;
    h.fake.closeGateway(4000);
    // Sent while the connection is down: Discord replays it after RESUME.
    const missed = mention('how do cities join?');
    await h.fake.botReplyTo(missed, 10_000);
    expect(h.fake.gateway.resumes).toBe(resumes + 1);
    expect(h.fake.gateway.identifies).toBe(1);
    expect(h.fake.gateway.paths.at(-1)).toBe('/resume?v=10&encoding=json');
    await h.fake.botReplyTo(mention('who chairs the network?'));
  });

  it('resumes when Discord asks it to reconnect (op 7) and keeps answering', async () => {
    const resumes = h.fake.gateway.resumes;
    h.fake.requestReconnect();
    await h.fake.waitUntil(() => h.fake.gateway.resumes === resumes + 1, 10_000);
    expect(h.fake.gateway.resumes).toBe(resumes + 1);
    await h.fake.botReplyTo(mention('how do cities join?'));
    expect(h.fake.gateway.identifies).toBe(1);
  });

  describe('bad input gets a short, clear reply and never reaches the core', () => {
    it.each([
      ['an empty mention', '', "I didn't find a question"],
      ['a 4,000-character message', 'why '.repeat(1000), 'at most 1000 characters'],
      ['emoji only', '👍🎉 <:party:123456789012345678>', "I didn't find a question"],
    ])('%s', async (_name, text, expected) => {
      const asked = fakeQA.asked.length;
      const reply = await h.fake.botReplyTo(mention(text));
      expect(reply.content).toContain(expected);
      expect(reply.content.length).toBeLessThanOrEqual(200);
      expect(fakeQA.asked.length).toBe(asked);
    });

    it('an unknown command', async () => {
      const callback = await h.callback(h.fake.slashCommand('weather'));
      expect(callback.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("I don't know the command /weather") });
    });
  });

  it('answers a handler exception with a brief private error and keeps running', async () => {
    jest.spyOn(fakeQA.qa, 'ask').mockImplementation(() => {
      throw new Error('index exploded at /secret/path');
    });
    const failed = await h.callback(h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: 'Who chairs the network?' }]));
    expect(failed.body.data).toMatchObject({ flags: EPHEMERAL, content: ERROR_NOTICE });
    const failedMessage = await h.fake.botReplyTo(mention('who chairs the network?'));
    expect(failedMessage.content).toBe(ERROR_NOTICE);
    expect(h.logger.entries.filter((e) => e.obj.code === 'discord_handler_failed')).toHaveLength(2);

    jest.restoreAllMocks();
    const ok = await h.callback(h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: 'Who chairs the network?' }]));
    expect(ok.body.data.embeds[0].description).toContain('Dario Nardella');
  });

  describe('/kb, for maintainers only', () => {
    const kb = (sub: string, who: { roles?: string[]; permissions?: bigint } = {}, options: any[] = []) =>
      h.fake.slashCommand('kb', [{ name: sub, type: 1, options }], who);

    it("refuses a non-maintainer's /kb reindex politely and privately, and reindexes nothing", async () => {
      const reloads = fakeQA.reloads;
      const callback = await h.callback(kb('reindex', { roles: [h.fake.otherRoleId] }));
      expect(callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: MAINTAINERS_ONLY } });
      expect(fakeQA.reloads).toBe(reloads);
    });

    it('reindexes for a member with a maintainer role', async () => {
      const reloads = fakeQA.reloads;
      const interaction = kb('reindex', { roles: [h.fake.maintainerRoleId] });
      const callback = await h.callback(interaction);
      expect(callback.body.data.flags).toBe(EPHEMERAL);
      expect(callback.body.data.content).toContain('Reindexed: 4 documents, 42 passages');
      expect(fakeQA.reloads).toBe(reloads + 1);
    });

    it('shows stats to a member with Manage Server', async () => {
      const callback = await h.callback(kb('stats', { permissions: MANAGE_GUILD }));
      expect(callback.body.data.content).toMatch(/Documents:\*\* 4[\s\S]*Passages:\*\* 42[\s\S]*Index built:\*\* 2025-01-01T10:00:00.000Z \(\d+ days ago\)[\s\S]*Answer rate:\*\* 75%/);
    });

    it('lists the unanswered questions, escaped, most frequent first', async () => {
      const callback = await h.callback(kb('unanswered', { permissions: MANAGE_GUILD }, [{ name: 'days', type: 4, value: 30 }]));
      expect(callback.body.data.content).toContain('last 30 days');
      expect(callback.body.data.content).toContain('1. When is the next \\*annual\\* conference? (×4, +1 similar)');
    });
  });

  it('pinged nobody with any message it sent in this suite (replies, interaction responses, webhook edits and follow-ups)', () => {
    const sent = h.fake.requests.flatMap((r) => {
      if (r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path)) return [{ kind: 'channel message', body: r.body }];
      if (r.method === 'POST' && r.path.endsWith('/callback') && (r.body?.type === 4 || r.body?.type === 7)) return [{ kind: 'interaction response', body: r.body.data }];
      if ((r.method === 'PATCH' || r.method === 'POST') && r.path.includes('/webhooks/')) return [{ kind: 'webhook message', body: r.body }];
      return [];
    });
    expect(sent.filter((m) => m.kind === 'channel message').length).toBeGreaterThan(10);
    expect(sent.filter((m) => m.kind === 'interaction response').length).toBeGreaterThan(10);
    for (const { kind, body } of sent) expect({ kind, allowed: body?.allowed_mentions }).toEqual({ kind, allowed: { parse: [], replied_user: false } });
  });

  it('never writes the token to the log', () => {
    expect(JSON.stringify(h.logger.entries)).not.toContain(h.fake.token);
  });
});
