import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SeenEvents } from '../../../adapters/slack/seen-events';
import { openSqliteStore, SQLITE_FILE } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, eventEnvelope } from '../../fakes/slack/payloads';
import { startSocketHarness } from './harness';

describe('Slack event ids claimed in the store', () => {
  let dir: string;
  const open = (): Store => openSqliteStore({ file: path.join(dir, SQLITE_FILE) });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slack-events-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does not answer a retry of an event that was answered before the bot restarted', async () => {
    const qa = new FakeQA();
    const envelope = eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?'));
    const firstStore = open();
    const first = await startSocketHarness(qa, [], firstStore);
    try {
      await first.socket.send('events_api', envelope);
      await first.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    } finally {
      await first.close();
      await firstStore.close();
    }

    const secondStore = open();
    const second = await startSocketHarness(qa, [], secondStore);
    try {
      await second.socket.send('events_api', envelope, { retry_attempt: 1, retry_reason: 'timeout' });
      // A new event after the retry is answered, so the retry had its chance to be (wrongly) answered first.
      await second.socket.send('events_api', eventEnvelope(appMention('<@UBOT00001> which cities are members?')));
      await second.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(second.api.callsTo('chat.postMessage').map((c) => c.params.text)).toEqual(['Answer to: which cities are members?']);
      expect(second.logger.lines.some((l) => l.includes('slack_duplicate_ignored'))).toBe(true);
    } finally {
      await second.close();
      await secondStore.close();
    }
  });

  it('records the id before the reply is sent, so a process killed right after answering still knows it', async () => {
    const store = open();
    try {
      const events = new SeenEvents(store, captureLogger());
      expect(await events.firstTime('Ev1')).toBe(true);
      // Nothing is saved later: the store already has it, for any other process.
      const other = open();
      try {
        expect(await new SeenEvents(other, captureLogger()).firstTime('Ev1')).toBe(false);
        expect(await new SeenEvents(other, captureLogger()).firstTime('Ev2')).toBe(true);
      } finally {
        await other.close();
      }
      expect(await events.firstTime('Ev1')).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('answers, and logs why, when the store cannot be reached', async () => {
    const logger = captureLogger();
    const events = new SeenEvents({ claimEvent: async () => Promise.reject(new Error('connection refused')) }, logger);
    expect(await events.firstTime('Ev1')).toBe(true);
    expect(logger.lines.filter((l) => l.includes('slack_event_claim_failed'))).toHaveLength(1);
    // Its own duplicates are still caught in memory.
    expect(await events.firstTime('Ev1')).toBe(false);
  });

  it('remembers in memory only without a store, within its capacity', async () => {
    const events = new SeenEvents(undefined, captureLogger(), { capacity: 2 });
    expect(await events.firstTime('Ev1')).toBe(true);
    expect(await events.firstTime('Ev1')).toBe(false);
    await events.firstTime('Ev2');
    await events.firstTime('Ev3');
    expect(await events.firstTime('Ev1')).toBe(true);
  });
});
