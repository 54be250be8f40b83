import path from 'node:path';
import { MAINTAINERS_ONLY } from '../../../adapters/discord/commands/kb';
import { createQA, type QA } from '../../../src';
import { startHarness, type Harness } from './harness';

const KNOWLEDGE = path.join(__dirname, '../../../knowledge');
const MANAGE_GUILD = 1n << 5n;

/** The real core over the bundled knowledge, behind the real discord.js client and the fake Discord. */
describe('Discord bot over the real core', () => {
  let qa: QA;
  let h: Harness;

  beforeAll(async () => {
    qa = await createQA({ knowledgeDir: KNOWLEDGE, persistIndex: false, logQuestions: false });
    h = await startHarness(qa);
  });
  afterAll(async () => {
    await h.close();
    await qa.close();
  });
  afterEach(() => jest.restoreAllMocks());

  const mention = (text: string, extra: object = {}) => h.fake.messageCreate({ content: `<@${h.fake.botId}> ${text}`, mentionBot: true, ...extra });

  it('answers an example question from the knowledge with its sources and buttons', async () => {
    const [example] = qa.examples(1);
    const reply = await h.fake.botReplyTo(mention(example));
    const [embed] = reply.embeds;
    expect(embed.description.length).toBeGreaterThan(0);
    expect(embed.fields[0].name).toMatch(/^Sources?$/);
    expect(embed.fields[0].value).toMatch(/\.md, line \d+\)/);
    expect(h.fake.buttonIds(reply.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^fb:up:/), expect.stringMatching(/^fb:down:/)]));
  });

  it('names the human contact when the documents do not answer', async () => {
    const reply = await h.fake.botReplyTo(mention('What is the weather like on Mars tomorrow?'));
    const { contact } = qa.ask('What is the weather like on Mars tomorrow?');
    expect(contact).toBeTruthy();
    expect(reply.embeds[0].description).toContain(contact);
  });

  it('shows /help privately: the topics, how to ask, and examples the core answers', async () => {
    const callback = await h.callback(h.fake.slashCommand('help'));
    expect(callback.body.data.flags).toBe(64);
    const [embed] = callback.body.data.embeds;
    const text = JSON.stringify(embed);
    for (const group of qa.help('discord').topics) for (const title of group.titles) expect(text).toContain(title);
    for (const example of qa.help('discord').examples) expect(qa.ask(example).status).toBe('answered');
  });

  it('ranks autocomplete suggestions by how they match what is typed', async () => {
    const callback = await h.callback(h.fake.autocomplete('memb'));
    const names = callback.body.data.choices.map((c: { name: string }) => c.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(qa.suggest('memb', 25));
    for (const name of names) expect(name.toLowerCase()).toMatch(/memb/);
  });

  it('suggests questions the knowledge can answer in autocomplete', async () => {
    const callback = await h.callback(h.fake.autocomplete(''));
    expect(callback.body.type).toBe(8);
    expect(callback.body.data.choices.length).toBeGreaterThan(0);
    for (const choice of callback.body.data.choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('answers /ask, records feedback from its 👍 button, and asks a related question from its button', async () => {
    const feedback = jest.spyOn(qa, 'feedback');
    const interaction = h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: qa.examples(1)[0] }]);
    expect((await h.callback(interaction)).body.type).toBe(4);
    const answer = h.fake.originalMessage(interaction.token);
    const ids = h.fake.buttonIds(answer.id);

    await h.callback(h.fake.clickButton(answer.id, ids.find((id) => id.startsWith('fb:up:'))!));
    expect(feedback).toHaveBeenCalledWith(expect.stringMatching(/.+/), 'up', { platform: 'discord', userId: '100000000000000001' });

    const related = ids.filter((id) => !id.startsWith('fb:'));
    expect(related.length).toBeGreaterThan(0);
    const ask = jest.spyOn(qa, 'ask');
    const callback = await h.callback(h.fake.clickButton(answer.id, related[0]));
    expect(callback.body.data.embeds[0].description.length).toBeGreaterThan(0);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('passes the earlier question along with a reply to its answer', async () => {
    const question = 'What is the Knowledge Society Forum?';
    const answer = await h.fake.botReplyTo(mention(question));
    const ask = jest.spyOn(qa, 'ask');
    const reply = await h.fake.botReplyTo(h.fake.messageCreate({ content: 'and the staff contact?', replyTo: answer.id, mentionRepliedUser: true }));
    expect(ask).toHaveBeenCalledWith('and the staff contact?', expect.objectContaining({ previousQuestion: expect.stringMatching(/knowledge society forum/i) }));
    expect(reply.embeds[0].description.length).toBeGreaterThan(0);
  });

  it("refuses a non-maintainer's /kb reindex and runs nothing", async () => {
    const reload = jest.spyOn(qa, 'reload');
    const callback = await h.callback(h.fake.slashCommand('kb', [{ name: 'reindex', type: 1 }], { roles: [h.fake.otherRoleId] }));
    expect(callback.body.data).toMatchObject({ flags: 64, content: MAINTAINERS_ONLY });
    expect(reload).not.toHaveBeenCalled();
  });

  it('reindexes and reports stats for maintainers', async () => {
    const interaction = h.fake.slashCommand('kb', [{ name: 'reindex', type: 1 }], { roles: [h.fake.maintainerRoleId] });
    const callback = await h.callback(interaction);
    const text = callback.body.type === 5 ? (await h.edit(interaction)).body.content : callback.body.data.content;
    const { documents, passages } = qa.stats();
    expect(text).toContain(`Reindexed: ${documents} documents, ${passages} passages`);

    const stats = await h.callback(h.fake.slashCommand('kb', [{ name: 'stats', type: 1 }], { permissions: MANAGE_GUILD }));
    expect(stats.body.data.content).toContain(`**Documents:** ${documents}\n**Passages:** ${passages}`);
  });
});
