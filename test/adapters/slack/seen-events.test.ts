import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SEEN_EVENTS_FILE, SeenEvents } from '../../../adapters/slack/seen-events';
import { captureLogger, FakeQA } from '../../fakes/slack/fake-qa';
import { appMention, eventEnvelope } from '../../fakes/slack/payloads';
import { startSocketHarness } from './harness';

describe('Slack event ids kept across restarts', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slack-events-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const file = () => path.join(dir, SEEN_EVENTS_FILE);

  it('does not answer a retry of an event that was answered before the bot restarted', async () => {
    const qa = new FakeQA();
    const envelope = eventEnvelope(appMention('<@UBOT00001> who chairs the culture forum?'));
    const first = await startSocketHarness(qa, [], dir);
    try {
      await first.socket.send('events_api', envelope);
      await first.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    } finally {
      await first.close();
    }

    const second = await startSocketHarness(qa, [], dir);
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
    }
  });

  it('saves a burst of events in one write a while after the first, and what is left on close', async () => {
    const events = new SeenEvents(dir, captureLogger(), { saveDelayMs: 50 });
    expect(events.firstTime('Ev1')).toBe(true);
    expect(events.firstTime('Ev2')).toBe(true);
    expect(events.firstTime('Ev1')).toBe(false);
    expect(fs.existsSync(file())).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).events.map(([id]: [string]) => id)).toEqual(['Ev1', 'Ev2']);

    events.firstTime('Ev3');
    events.close();
    events.close();
    expect(new SeenEvents(dir, captureLogger()).firstTime('Ev3')).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([SEEN_EVENTS_FILE]);
  });

  it('keeps at most the newest ids within the capacity and the last hour', () => {
    let now = 1_000_000;
    const events = new SeenEvents(dir, captureLogger(), { capacity: 3, maxAgeMs: 60_000 }, () => now);
    for (const id of ['Ev1', 'Ev2', 'Ev3', 'Ev4']) events.firstTime(id);
    expect(events.size).toBe(3);
    expect(events.firstTime('Ev1')).toBe(true); // forgotten: the oldest beyond the capacity
    now += 61_000;
    events.firstTime('Ev5');
    expect(events.size).toBe(1);
    events.close();

    // Ids that grew old while the bot was down are dropped on loading.
    now += 61_000;
    expect(new SeenEvents(dir, captureLogger(), { maxAgeMs: 60_000 }, () => now).size).toBe(0);
  });

  it('starts empty without a file, and without a word', () => {
    const logger = captureLogger();
    const events = new SeenEvents(dir, logger);
    expect(events.size).toBe(0);
    expect(logger.lines).toEqual([]);
    events.close();
    expect(fs.existsSync(file())).toBe(false);
  });

  it.each([
    ['not JSON', '{"formatVersion":1,"events":[["Ev1",', 'not valid JSON'],
    ['another format version', '{"formatVersion":99,"events":[]}', 'unknown format version 99'],
    ['no list of events', '{"formatVersion":1,"events":{}}', 'its events field is not a list'],
  ])('logs a file that is %s and starts empty', (_what, content, problem) => {
    fs.writeFileSync(file(), content);
    const logger = captureLogger();
    const events = new SeenEvents(dir, logger);
    expect(events.size).toBe(0);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain('slack_events_unreadable');
    expect(logger.lines[0]).toContain(problem);
    expect(events.firstTime('Ev1')).toBe(true);
    events.close();
    expect(new SeenEvents(dir, captureLogger()).firstTime('Ev1')).toBe(false);
  });

  it('skips malformed entries and keeps the rest', () => {
    fs.writeFileSync(file(), JSON.stringify({ formatVersion: 1, events: [['Ev1', Date.now()], ['', 1], [7, 1], 'x', ['Ev2', 'yesterday']] }));
    const events = new SeenEvents(dir, captureLogger());
    expect(events.size).toBe(1);
    expect(events.firstTime('Ev1')).toBe(false);
  });

  it('keeps answering and logs once when the file cannot be written', () => {
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, '');
    const logger = captureLogger();
    // The data folder is a file: every save fails.
    const events = new SeenEvents(blocked, logger, { saveDelayMs: 10_000 });
    events.firstTime('Ev1');
    events.close();
    expect(events.firstTime('Ev2')).toBe(true);
    events.close();
    expect(logger.lines.filter((l) => l.includes('slack_events_save_failed'))).toHaveLength(1);
  });

  it('remembers in memory only without a data folder', () => {
    const events = new SeenEvents(undefined, captureLogger());
    expect(events.firstTime('Ev1')).toBe(true);
    expect(events.firstTime('Ev1')).toBe(false);
    events.close();
  });
});
