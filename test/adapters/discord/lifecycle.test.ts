import { startDiscordBot } from '../../../adapters/discord/client';
import { readDiscordConfig } from '../../../adapters/discord/config';
import { ERROR_NOTICE } from '../../../adapters/discord/respond';
import { silentLogger } from '../../../src/log';
import type { ReloadResult } from '../../../src/qa';
import { FakeDiscord } from '../../fakes/discord/server';
import { createFakeQA } from '../../fakes/discord/fakeQA';
import { startHarness, type Harness } from './harness';

const EPHEMERAL = 64;

function busyWait(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // the core's ask() is synchronous: a slow one blocks the event loop like this
  }
}

describe('slow answers', () => {
  const fakeQA = createFakeQA();
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(fakeQA.qa, { deferAfterMs: 300 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('defers a slow /kb reindex, then edits the reply with the result', async () => {
    const reload = fakeQA.qa.reload;
    fakeQA.qa.reload = async (): Promise<ReloadResult> => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      return {
        ok: false,
        stats: fakeQA.qa.stats(),
        warnings: [{ code: 'knowledge_invalid_document', file: 'members/cities.md', line: 7, message: 'front matter: title is missing' }],
      };
    };
    try {
      const interaction = h.fake.slashCommand('kb', [{ name: 'reindex', type: 1 }], { permissions: 1n << 5n });
      const callback = await h.callback(interaction);
      expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
      const edit = await h.edit(interaction);
      expect(edit.headers.authorization).toBeUndefined();
      expect(edit.body.content).toContain('keeps answering from the last good one');
      expect(edit.body.content).toContain('`members/cities.md:7` front matter: title is missing');
      expect(edit.at - callback.at).toBeGreaterThanOrEqual(300);
    } finally {
      fakeQA.qa.reload = reload;
    }
  });

  it('defers /ask before asking once answers have been slow, then edits in the answer', async () => {
    const ask = fakeQA.qa.ask;
    fakeQA.qa.ask = (question, context) => {
      busyWait(200);
      return ask(question, context);
    };
    try {
      // The first slow answer still fits in Discord's 3 seconds and is sent directly…
      const first = h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: 'Who chairs the network?' }]);
      expect((await h.callback(first)).body.type).toBe(4);
      // …and from then on the bot says "thinking…" first, then edits.
      const second = h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: 'Who chairs the network?' }]);
      expect((await h.callback(second)).body).toEqual({ type: 5, data: { flags: 0 } });
      const edit = await h.edit(second);
      expect(edit.body.embeds[0].description).toContain('Dario Nardella');
      expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    } finally {
      fakeQA.qa.ask = ask;
    }
  });
});

describe('a slow answer that fails after the bot deferred publicly', () => {
  const fakeQA = createFakeQA();
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(fakeQA.qa, { deferAfterMs: 300 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('removes the public "thinking…" placeholder and apologises privately, pinging nobody', async () => {
    const ask = fakeQA.qa.ask;
    fakeQA.qa.ask = (question, context) => {
      busyWait(200);
      return ask(question, context);
    };
    const question = [{ name: 'question', type: 3, value: 'Who chairs the network?' }];
    try {
      // A first slow answer makes the bot defer the next /ask before asking.
      expect((await h.callback(h.fake.slashCommand('ask', question))).body.type).toBe(4);
      fakeQA.qa.ask = () => {
        busyWait(200);
        throw new Error('index exploded at /secret/path');
      };
      const interaction = h.fake.slashCommand('ask', question);
      expect((await h.callback(interaction)).body).toEqual({ type: 5, data: { flags: 0 } });
      const webhook = `/api/v10/webhooks/${h.fake.appId}/${interaction.token}`;
      await h.fake.waitForRequest((r) => r.method === 'DELETE' && r.path === `${webhook}/messages/%40original`);
      const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === webhook);
      expect(followUp.body).toMatchObject({ content: ERROR_NOTICE, flags: EPHEMERAL, allowed_mentions: { parse: [], replied_user: false } });
      expect(JSON.stringify(followUp.body)).not.toContain('secret');
      expect(h.fake.originalMessage(interaction.token)).toBeUndefined();
    } finally {
      fakeQA.qa.ask = ask;
    }
  });
});

describe('stopping', () => {
  it('stops cleanly on SIGTERM: the answer in flight is delivered, then the gateway closes normally', async () => {
    const h = await startHarness(createFakeQA().qa);
    let stopping: Promise<void> | undefined;
    const onSigterm = () => {
      stopping = h.bot.stop();
    };
    process.once('SIGTERM', onSigterm);
    try {
      h.fake.rateLimitNext('POST', /\/channels\/\d+\/messages$/, 0.4);
      const id = h.fake.messageCreate({ content: `<@${h.fake.botId}> how do cities join?`, mentionBot: true });
      await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === id); // the reply is now waiting out the 429
      process.emit('SIGTERM', 'SIGTERM');
      await stopping;

      const reply = await h.fake.botReplyTo(id, 100);
      expect(reply.embeds[0].description).toContain('full members');
      await h.fake.waitUntil(() => h.fake.gateway.closeCodes.length > 0, 2000);
      expect(h.fake.gateway.closeCodes).toEqual([1000]);
      expect(h.bot.client.isReady()).toBe(false);
      expect(h.logger.entries.map((e) => e.obj.code)).toContain('discord_stopped');
      // A clean stop is not reported as a connection problem.
      expect(h.logger.entries.map((e) => e.obj.code)).not.toContain('discord_reconnecting');
    } finally {
      process.removeListener('SIGTERM', onSigterm);
      await h.close();
    }
  });
});

describe('starting', () => {
  it('fails with a message naming DISCORD_TOKEN, without the token, when Discord refuses it', async () => {
    const fake = await FakeDiscord.start();
    const config = readDiscordConfig(fake.env({ DISCORD_TOKEN: 'wrong-token-0123456789-abcdef' }))!;
    try {
      const error = await startDiscordBot({ qa: createFakeQA().qa, config, logger: silentLogger }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/^Discord login failed \(check DISCORD_TOKEN and DISCORD_API_URL\)/);
      expect(error?.message).not.toContain('wrong-token');
    } finally {
      await fake.close();
    }
  });
});
