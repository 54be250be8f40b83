import { createHmac } from 'node:crypto';

/** Builders for the payloads Slack sends, close to the real ones (only fields the bot reads, plus the usual ids). */

let counter = 0;
/** A unique Slack-style timestamp `1700000000.000123`. */
export function nextTs(): string {
  counter += 1;
  return `${1_710_000_000 + counter}.${String(counter).padStart(6, '0')}`;
}

export const TEAM = 'T0000001';

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${nextTs().replace('.', '')}`) {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    api_app_id: 'A0000001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: 'UBOT00001', is_bot: true, is_enterprise_install: false }],
    event: { event_ts: event.ts, ...event },
  };
}

export function appMention(text: string, options: { user?: string; channel?: string; ts?: string; thread_ts?: string; files?: unknown[]; bot_id?: string } = {}) {
  return {
    type: 'app_mention',
    user: options.user ?? 'UALICE001',
    text,
    ts: options.ts ?? nextTs(),
    channel: options.channel ?? 'CGENERAL1',
    team: TEAM,
    ...(options.thread_ts ? { thread_ts: options.thread_ts } : {}),
    ...(options.files ? { files: options.files } : {}),
    ...(options.bot_id ? { bot_id: options.bot_id } : {}),
  };
}

export function directMessage(text: string, options: { user?: string; channel?: string; ts?: string; thread_ts?: string; subtype?: string; bot_id?: string; files?: unknown[] } = {}) {
  return {
    type: 'message',
    channel_type: 'im',
    channel: options.channel ?? 'DALICE001',
    user: options.user ?? 'UALICE001',
    text,
    ts: options.ts ?? nextTs(),
    team: TEAM,
    ...(options.subtype ? { subtype: options.subtype } : {}),
    ...(options.thread_ts ? { thread_ts: options.thread_ts } : {}),
    ...(options.bot_id ? { bot_id: options.bot_id } : {}),
    ...(options.files ? { files: options.files } : {}),
  };
}

export function slashCommand(command: string, text: string, responseUrl: string, user = 'UALICE001') {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    team_domain: 'eurocities',
    channel_id: 'CGENERAL1',
    channel_name: 'general',
    user_id: user,
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A0000001',
    response_url: responseUrl,
    trigger_id: `trigger-${nextTs()}`,
  };
}

/** A `block_actions` payload for a click on a button of a message the bot posted. */
export function buttonClick(
  actionId: string,
  value: string,
  responseUrl: string,
  options: { user?: string; channel?: string; ephemeral?: boolean; messageTs?: string; threadTs?: string; blockId?: string } = {},
) {
  const channel = options.channel ?? 'CGENERAL1';
  const messageTs = options.messageTs ?? nextTs();
  return {
    type: 'block_actions',
    user: { id: options.user ?? 'UALICE001', username: 'alice', name: 'alice', team_id: TEAM },
    api_app_id: 'A0000001',
    token: 'verification-token-unused',
    container: options.ephemeral
      ? { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: true }
      : { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${nextTs()}`,
    team: { id: TEAM, domain: 'eurocities' },
    channel: { id: channel, name: 'general' },
    ...(options.ephemeral
      ? {}
      : { message: { type: 'message', user: 'UBOT00001', bot_id: 'BBOT00001', text: 'answer', ts: messageTs, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) } }),
    response_url: responseUrl,
    actions: [
      { type: 'button', action_id: actionId, block_id: options.blockId ?? 'controls', value, text: { type: 'plain_text', text: 'x' }, action_ts: nextTs() },
    ],
  };
}

/** Headers Slack sends with an HTTP request: `X-Slack-Signature` over `v0:<timestamp>:<body>`. */
export function signedHeaders(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** Slash commands and interactivity arrive form-encoded over HTTP. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
