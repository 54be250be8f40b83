/**
 * Verification of Slack's HTTP requests in front of Bolt's own (HTTP mode). Bolt rejects a timestamp more than five
 * minutes in the past but accepts any in the future, and accepts the same signed request again and again (issue 12:
 * `+10 years` was accepted, and a signed maintainer `/kb reindex` replayed three times ran three times). Here a
 * request is answered only when its timestamp is within five minutes of now in either direction, its signature is
 * right, and that signature has not been seen before; a replay is acknowledged and ignored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import { BoundedMap } from '../../src/util/bounded-map';
import type { Logger } from '../../src/types';

/** Slack's own window for a request's timestamp, in seconds. */
export const MAX_CLOCK_SKEW_S = 5 * 60;
/** Largest request body read; Slack's events, commands and clicks are a few KB. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Signatures remembered: every signature within the window (a timestamp up to five minutes either side of now) must
 * be recognised, so this bounds the requests per ten minutes a replay is caught in, far above a workspace's traffic.
 */
const SEEN_CAPACITY = 100_000;

type Verdict = { ok: true } | { ok: false; status: number; why: string };

/** Checks one request; `seen` remembers each accepted signature until it leaves the window. */
export function verifySlackHttpRequest(
  headers: IncomingMessage['headers'],
  body: Buffer,
  signingSecret: string,
  seen: BoundedMap<string, number>,
  nowMs: number = Date.now(),
): Verdict {
  const timestamp = headers['x-slack-request-timestamp'];
  const signature = headers['x-slack-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 401, why: 'missing or malformed signature headers' };
  const now = Math.floor(nowMs / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_S) return { ok: false, status: 401, why: 'timestamp more than five minutes from now' };
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 401, why: 'signature mismatch' };
  const expiry = seen.get(signature);
  if (expiry !== undefined && expiry > now) return { ok: false, status: 200, why: 'replayed signature' };
  seen.set(signature, Number(timestamp) + MAX_CLOCK_SKEW_S);
  return { ok: true };
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Puts {@link verifySlackHttpRequest} in front of an HTTP receiver: the body is read once (Bolt reuses it as
 * `rawBody`), bad requests get 401, replays 200 with nothing done, and the rest go on to Bolt, which verifies again.
 */
export function guardHttpReceiver(receiver: HTTPReceiver, signingSecret: string, logger: Logger): void {
  const seen = new BoundedMap<string, number>(SEEN_CAPACITY);
  const inner = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return inner(req, res);
    void readBody(req).then(
      (body) => {
        if (body === null) {
          res.writeHead(413).end();
          return;
        }
        const verdict = verifySlackHttpRequest(req.headers, body, signingSecret, seen);
        if (!verdict.ok) {
          logger.warn({ code: verdict.status === 200 ? 'slack_replay_ignored' : 'slack_request_refused', reason: verdict.why }, verdict.status === 200 ? 'Ignored a replayed Slack request' : 'Refused an unverifiable Slack request');
          res.writeHead(verdict.status).end();
          return;
        }
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        inner(req, res);
      },
      () => {
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
}
