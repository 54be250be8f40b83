import type { Store } from '../../../src/store/store';
import { FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, eventEnvelope } from '../../fakes/slack/payloads';
import { describeEachEngine } from '../../store/engines';
import { startSocketHarness, type SocketHarness } from './harness';

/** Sends once the bot's socket is open (a loaded machine can make the fake's short ping timeout reconnect it). */
async function send(bot: SocketHarness, envelope: unknown, extra: Record<string, unknown> = {}): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await bot.socket.send('events_api', envelope, extra);
      return;
    } catch (error) {
      if (attempt >= 50 || !/No open Socket Mode connection/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describeEachEngine('Slack retries reaching two bots that share a store', (engine) => {
  let stores: Store[] = [];
  let bots: SocketHarness[] = [];

  beforeEach(async () => {
    // Two bots, each with its own connection to the store, as two processes or replicas have.
    stores = [await engine().open(), await engine().open()];
    bots = [await startSocketHarness(new FakeQA(), [], stores[0]), await startSocketHarness(new FakeQA(), [], stores[1])];
  });

  afterEach(async () => {
    await Promise.all(bots.map((b) => b.close()));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('answers an event and its retries once, whichever bot each delivery reaches', async () => {
    const envelopes = Array.from({ length: 5 }, (_, i) => eventEnvelope(appMention(`<@UBOT00001> question number ${i}?`)));
    // Every event goes to both bots at once, then again as Slack's retry.
    await Promise.all(envelopes.flatMap((e) => [send(bots[0]!, e), send(bots[1]!, e)]));
    await Promise.all(envelopes.map((e, i) => send(bots[i % 2]!, e, { retry_attempt: 1, retry_reason: 'http_timeout' })));
    const posted = () => bots.flatMap((b) => b.api.callsTo('chat.postMessage').map((c) => String(c.params.text)));
    const deadline = Date.now() + 10_000;
    while (posted().length < envelopes.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(posted().sort()).toEqual(envelopes.map((_, i) => `Answer to: question number ${i}?`).sort());
  });
});
