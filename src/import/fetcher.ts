import robotsParser from 'robots-parser';

/** How the importer talks to web servers. */
export interface FetchSettings {
  /** Sent with every request and matched against robots.txt. */
  userAgent: string;
  /** The robots.txt product token of the bot ("network-qa"). */
  robotsAgent: string;
  /** Pause between two requests to one host. */
  delayMs: number;
  /** A server that has not sent the whole response by then is given up on. */
  timeoutMs: number;
  /** Larger responses are refused. */
  maxBytes: number;
  maxRedirects: number;
}

/** What one fetch came to. */
export type FetchResult =
  | { kind: 'ok'; url: string; contentType: string; bytes: Buffer; etag?: string; lastModified?: string }
  | { kind: 'not_modified'; url: string }
  | { kind: 'gone'; url: string; status: number }
  | { kind: 'blocked'; url: string; reason: string }
  | { kind: 'failed'; url: string; reason: string };

/** Validators of an earlier fetch, for a conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** The User-Agent product token: robots.txt rules for `network-qa` apply to the importer. */
export const ROBOTS_AGENT = 'network-qa';

/** Defaults of `network-qa import`: one request a second per host, 15 s timeout, 20 MB limit, 5 redirects. */
export const DEFAULT_FETCH_SETTINGS: FetchSettings = {
  userAgent: `${ROBOTS_AGENT}/1 (knowledge importer of the network-qa chat bot; honours robots.txt)`,
  robotsAgent: ROBOTS_AGENT,
  delayMs: 1000,
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
};

type Robots = { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined; reason?: string };
const ALLOW_ALL: Robots = { isAllowed: () => true, getCrawlDelay: () => undefined };
const disallowAll = (reason: string): Robots => ({ isAllowed: () => false, getCrawlDelay: () => undefined, reason });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Fetches pages politely: robots.txt, one request at a time per host with a pause between them, at most
 * `maxRedirects` redirects and only within the host, a timeout and a size limit. Never throws for a
 * network problem: it says what happened.
 */
export class Fetcher {
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly nextRequestAt = new Map<string, number>();

  constructor(private readonly settings: FetchSettings) {}

  /** Waits for the host's turn, honouring robots.txt's Crawl-delay when it asks for more than our delay. */
  private async turn(origin: string, robots: Robots | null): Promise<void> {
    const crawlDelayMs = (robots?.getCrawlDelay(this.settings.robotsAgent) ?? 0) * 1000;
    const wait = (this.nextRequestAt.get(origin) ?? 0) - Date.now();
    if (wait > 0) await sleep(wait);
    this.nextRequestAt.set(origin, Date.now() + Math.max(this.settings.delayMs, crawlDelayMs));
  }

  /** robots.txt of an origin (RFC 9309: a missing file allows everything; an unreachable one, nothing). */
  private robotsFor(origin: string): Promise<Robots> {
    let robots = this.robots.get(origin);
    if (!robots) {
      robots = (async () => {
        let url = `${origin}/robots.txt`;
        let result = await this.request(url, {}, null);
        for (let hop = 0; result.kind === 'redirect' && hop < this.settings.maxRedirects; hop++) {
          url = new URL(result.location, url).href;
          result = await this.request(url, {}, null);
        }
        if (result.kind === 'ok') return robotsParser(url, result.bytes.toString('utf8')) as Robots;
        if (result.kind === 'gone' || (result.kind === 'failed' && /^HTTP 4\d\d/.test(result.reason))) return ALLOW_ALL;
        const why = result.kind === 'failed' ? result.reason : 'too many redirects';
        return disallowAll(`robots.txt could not be read (${why}), so the site is treated as disallowed (RFC 9309)`);
      })();
      this.robots.set(origin, robots);
    }
    return robots;
  }

  /** Why robots.txt does not let the bot fetch `url`, or null when it does. */
  async refusal(url: string): Promise<string | null> {
    const robots = await this.robotsFor(new URL(url).origin);
    return robots.isAllowed(url, this.settings.robotsAgent) === false ? (robots.reason ?? 'disallowed by robots.txt') : null;
  }

  /**
   * Fetches `url`, following redirects within its host.
   * @param validators makes the request conditional (304 → `not_modified`)
   */
  async fetch(url: string, validators: Validators = {}): Promise<FetchResult> {
    let current = url;
    for (let hop = 0; hop <= this.settings.maxRedirects; hop++) {
      const origin = new URL(current).origin;
      const refusal = await this.refusal(current);
      if (refusal) return { kind: 'blocked', url: current, reason: refusal };
      const robots = await this.robotsFor(origin);
      const result = await this.request(current, validators, robots);
      if (result.kind !== 'redirect') return result;
      const next = new URL(result.location, current);
      if (next.origin !== new URL(url).origin) return { kind: 'failed', url, reason: `redirected to another host (${next.origin}); not followed` };
      current = next.href.replace(/#.*$/, '');
    }
    return { kind: 'failed', url, reason: `too many redirects (more than ${this.settings.maxRedirects})` };
  }

  private async request(url: string, validators: Validators, robots: Robots | null): Promise<FetchResult | { kind: 'redirect'; location: string }> {
    await this.turn(new URL(url).origin, robots);
    const headers: Record<string, string> = { 'user-agent': this.settings.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf,application/xml;q=0.9,*/*;q=0.8' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.settings.timeoutMs);
    const seconds = `${this.settings.timeoutMs / 1000} s`;
    try {
      const response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) return { kind: 'failed', url, reason: `HTTP ${response.status} redirect without a Location` };
        return { kind: 'redirect', location };
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: 'not_modified', url };
      }
      if (response.status === 404 || response.status === 410) {
        await response.body?.cancel();
        return { kind: 'gone', url, status: response.status };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { kind: 'failed', url, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > this.settings.maxBytes) {
        await response.body?.cancel();
        return { kind: 'failed', url, reason: `is ${mb(declared)}, larger than the ${mb(this.settings.maxBytes)} limit` };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += chunk.length;
        if (size > this.settings.maxBytes) {
          controller.abort();
          return { kind: 'failed', url, reason: `is larger than the ${mb(this.settings.maxBytes)} limit` };
        }
        chunks.push(Buffer.from(chunk));
      }
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      return { kind: 'ok', url, contentType: response.headers.get('content-type') ?? '', bytes: Buffer.concat(chunks), ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'failed', url, reason: `no complete answer within ${seconds} (timed out)` };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { kind: 'failed', url, reason: `cannot be reached (${cause?.code ?? cause?.message ?? (error as Error).message})` };
    } finally {
      clearTimeout(timer);
    }
  }
}
