import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the fake Web API or to a response URL. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for POSTs to a response URL. */
  method: string;
  /** Form or JSON parameters; `blocks` is parsed back into objects. */
  params: Record<string, any>;
  authorization?: string;
  /** For response URLs: which one. */
  path: string;
}

type Failure = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * A fake Slack Web API on 127.0.0.1: answers `auth.test` and `apps.connections.open`, accepts `chat.*`
 * and records every call; `failNext` makes the next calls of a method fail (429, 500, platform errors).
 * POSTs to `/response/<id>` stand in for Slack's response URLs.
 */
export class FakeSlackWebApi {
  readonly calls: RecordedCall[] = [];
  /** URL returned by apps.connections.open (set by the Socket Mode fake). */
  socketUrl = '';
  botUserId = 'UBOT00001';
  botId = 'BBOT00001';
  private readonly failures = new Map<string, Failure[]>();
  private readonly delays = new Map<string, number>();
  private readonly attempts = new Map<string, number>();
  private server?: Server;
  private waiters: Array<() => void> = [];
  private nextTs = 1_700_000_000;

  /** Base URL for `slackApiUrl` (`http://127.0.0.1:<port>/api/`). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  get origin(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** A fresh response URL pointing at this fake. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `count` calls of `method` fail with `failure`, then calls succeed again. */
  failNext(method: string, failure: Failure, count = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** Every call of `method` waits `ms` before answering. */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** How many HTTP requests (including failed attempts) were made for `method`. */
  attemptsOf(method: string): number {
    return this.attempts.get(method) ?? 0;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
    this.delays.clear();
    this.attempts.clear();
  }

  /** Resolves when `predicate` holds for the recorded calls; rejects after `timeoutMs`. */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for Slack calls; got: ${this.calls.map((c) => c.method).join(', ') || 'none'}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.calls;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const isResponseUrl = path.startsWith('/response/');
    const method = isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '');
    this.attempts.set(method, (this.attempts.get(method) ?? 0) + 1);

    const wait = this.delays.get(method);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));

    const failure = this.failures.get(method)?.shift();
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify(failure.body ?? { ok: false, error: 'fake_failure' }));
      return;
    }

    const params = parseParams(raw, String(req.headers['content-type'] ?? ''));
    this.calls.push({ method, params, authorization: req.headers.authorization, path });
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();

    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(this.reply(method, params)));
  }

  private reply(method: string, params: Record<string, any>): unknown {
    switch (method) {
      case 'response_url':
        return { ok: true };
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Eurocities', user: 'network-qa', team_id: 'T0000001', user_id: this.botUserId, bot_id: this.botId };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'chat.postMessage':
        this.nextTs += 1;
        return { ok: true, channel: params.channel, ts: `${this.nextTs}.000100`, message: { text: params.text } };
      default:
        return { ok: true };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseParams(raw: string, contentType: string): Record<string, any> {
  if (!raw) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, any>;
  const params: Record<string, any> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments']) {
    if (typeof params[key] === 'string') params[key] = JSON.parse(params[key] as string);
  }
  return params;
}
