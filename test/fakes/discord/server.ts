import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One HTTP request the fake Discord received. */
export interface RecordedRequest {
  method: string;
  /** Path as sent on the wire (percent-encoding kept), without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
  at: number;
}

/** A gateway payload as the fake sent or received it. */
export interface GatewayPayload {
  op: number;
  d: any;
  s?: number | null;
  t?: string | null;
}

interface Interaction {
  id: string;
  token: string;
  createdAt: number;
  acknowledged: boolean;
  originalMessageId?: string;
  ephemeral: boolean;
}

const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;

/** A snowflake with the current time, as Discord makes them (17 to 20 digits). */
export function snowflake(at: number = Date.now()): string {
  counter = (counter + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | counter).toString();
}

const PERMISSIONS = { ManageGuild: 1n << 5n, ViewChannel: 1n << 10n, SendMessages: 1n << 11n };

/** A user as the gateway sends it. */
export function user(id: string, username: string, bot = false) {
  return { id, username, discriminator: '0', global_name: username, avatar: null, bot, public_flags: 0 };
}

/**
 * A fake Discord on 127.0.0.1: the REST routes the bot uses and a JSON gateway (HELLO, IDENTIFY, READY,
 * GUILD_CREATE, heartbeats, RESUME with replay), plus helpers to inject events and faults.
 */
export class FakeDiscord {
  readonly token = `fake-token-${randomBytes(16).toString('hex')}`;
  readonly appId = snowflake();
  readonly botId = this.appId;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly maintainerRoleId = snowflake();
  readonly otherRoleId = snowflake();
  /** The bot's own integration role, which people sometimes @mention instead of the bot. */
  readonly botRoleId = snowflake();
  readonly commandIds = { ask: snowflake(), kb: snowflake() } as Record<string, string>;

  readonly requests: RecordedRequest[] = [];
  readonly received: GatewayPayload[] = [];
  readonly gateway = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, paths: [] as string[], closeCodes: [] as number[] };
  /** Messages the bot created, by id (to build button interactions on them). */
  readonly messages = new Map<string, any>();

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private current: WebSocket | null = null;
  private sessionId = '';
  private seq = 0;
  private readonly dispatched: GatewayPayload[] = [];
  private readonly interactions = new Map<string, Interaction>();
  private readonly rateLimits: Array<{ method: string; path: RegExp; retryAfter: number; times: number }> = [];
  private readonly waiters = new Set<() => void>();
  private port = 0;

  private constructor(private readonly heartbeatInterval: number) {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket, req) => this.onConnection(socket, req));
  }

  /** Starts the fake on a free port of 127.0.0.1. */
  static async start(options: { heartbeatInterval?: number } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options.heartbeatInterval ?? 41_250);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL is set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Environment for `readDiscordConfig`. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      DISCORD_TOKEN: this.token,
      DISCORD_CLIENT_ID: this.appId,
      DISCORD_GUILD_ID: this.guildId,
      DISCORD_API_URL: this.apiUrl,
      DISCORD_MAINTAINER_ROLE_IDS: this.maintainerRoleId,
      ...extra,
    };
  }

  // ---------------------------------------------------------------- faults

  /** Answers the next `times` matching requests with 429 and a Retry-After header (seconds). */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds = 0.25, times = 1): void {
    this.rateLimits.push({ method, path, retryAfter: retryAfterSeconds, times });
  }

  /** Closes the bot's gateway connection with a close code (4000 = unknown error, resumable). */
  closeGateway(code: number): void {
    this.current?.close(code, 'fake close');
  }

  /** Sends op 7 RECONNECT: the client should reconnect and RESUME. */
  requestReconnect(): void {
    this.current?.send(JSON.stringify({ op: 7, d: null }));
  }

  // ---------------------------------------------------------------- events

  /** Sends a dispatch to the bot; while it is disconnected the event is kept and replayed on RESUME. */
  dispatch(t: string, d: unknown): void {
    const payload: GatewayPayload = { op: 0, t, s: ++this.seq, d };
    this.dispatched.push(payload);
    this.current?.send(JSON.stringify(payload));
  }

  /** A MESSAGE_CREATE from a user; returns the message id. */
  messageCreate(options: {
    content: string;
    authorId?: string;
    bot?: boolean;
    mentionBot?: boolean;
    dm?: boolean;
    replyTo?: string;
    mentionRepliedUser?: boolean;
    mentionBotRole?: boolean;
  }): string {
    const id = snowflake();
    const author = user(options.authorId ?? '100000000000000001', options.bot ? 'another-bot' : 'alice', options.bot ?? false);
    const mentions = [];
    if (options.mentionBot) mentions.push(user(this.botId, 'network-qa', true));
    if (options.replyTo && options.mentionRepliedUser && !options.mentionBot) mentions.push(user(this.botId, 'network-qa', true));
    const channelId = options.dm ? this.dmChannelId(author.id) : this.channelId;
    const message: any = {
      id,
      channel_id: channelId,
      author,
      content: options.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions,
      mention_roles: options.mentionBotRole ? [this.botRoleId] : [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: options.replyTo ? 19 : 0,
      flags: 0,
      components: [],
    };
    if (options.dm) message.channel_type = 1;
    else {
      message.guild_id = this.guildId;
      message.channel_type = 0;
      message.member = { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 };
    }
    if (options.replyTo) message.message_reference = { type: 0, message_id: options.replyTo, channel_id: channelId, guild_id: options.dm ? undefined : this.guildId };
    this.dispatch('MESSAGE_CREATE', message);
    return id;
  }

  private dmChannelId(userId: string): string {
    return `9${userId.slice(1)}`;
  }

  /** An INTERACTION_CREATE; returns the interaction's id and token. */
  interactionCreate(
    type: 2 | 3 | 4,
    data: any,
    options: { userId?: string; roles?: string[]; permissions?: bigint; dm?: boolean; message?: any } = {},
  ): { id: string; token: string } {
    const id = snowflake();
    const token = `itoken-${randomBytes(12).toString('hex')}`;
    this.interactions.set(token, { id, token, createdAt: Date.now(), acknowledged: false, ephemeral: false });
    const who = user(options.userId ?? '100000000000000001', 'alice');
    const payload: any = {
      id,
      application_id: this.appId,
      type,
      token,
      version: 1,
      data,
      locale: 'en-US',
      entitlements: [],
      app_permissions: String(PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages),
      authorizing_integration_owners: { '0': this.guildId },
    };
    if (options.dm) {
      payload.channel_id = this.dmChannelId(who.id);
      payload.channel = { id: payload.channel_id, type: 1 };
      payload.user = who;
      payload.context = 1;
    } else {
      payload.guild_id = this.guildId;
      payload.guild_locale = 'en-US';
      payload.channel_id = this.channelId;
      payload.channel = { id: this.channelId, type: 0, guild_id: this.guildId, name: 'general' };
      payload.context = 0;
      const permissions = options.permissions ?? PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages;
      payload.member = {
        user: who,
        roles: options.roles ?? [],
        permissions: String(permissions),
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        pending: false,
        nick: null,
        avatar: null,
        premium_since: null,
      };
    }
    if (options.message) payload.message = options.message;
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token };
  }

  /** `/name` with options (type 3 = string, 5 = boolean, 4 = integer, 1 = subcommand). */
  slashCommand(name: string, options: any[] = [], who: { userId?: string; roles?: string[]; permissions?: bigint; dm?: boolean } = {}) {
    return this.interactionCreate(2, { id: this.commandIds[name] ?? snowflake(), name, type: 1, options }, who);
  }

  /** An autocomplete request for `/ask question:<typed>`. */
  autocomplete(typed: string) {
    return this.interactionCreate(4, { id: this.commandIds.ask, name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: typed, focused: true }] });
  }

  /** A click on a button of a message the bot posted. */
  clickButton(messageId: string, customId: string, who: { userId?: string } = {}) {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`fake Discord: no bot message ${messageId}`);
    return this.interactionCreate(3, { custom_id: customId, component_type: 2 }, { ...who, message });
  }

  /** The custom ids of every button of a message the bot posted. */
  buttonIds(messageId: string): string[] {
    const message = this.messages.get(messageId);
    return (message?.components ?? []).flatMap((row: any) => row.components.map((button: any) => button.custom_id));
  }

  /** The message an interaction's response created (type 4 or 5 callback), once it exists. */
  originalMessage(token: string): any {
    const id = this.interactions.get(token)?.originalMessageId;
    return id ? this.messages.get(id) : undefined;
  }

  /** The bot's message that replies to a user's message, once it exists. */
  async botReplyTo(userMessageId: string, timeoutMs = 5000): Promise<any> {
    const found = await this.waitUntil(() => [...this.messages.values()].find((m) => m.message_reference?.message_id === userMessageId), timeoutMs);
    if (!found) throw new Error(`fake Discord: the bot did not reply to message ${userMessageId} within ${timeoutMs} ms`);
    return found;
  }

  // ---------------------------------------------------------------- waiting

  /** Resolves with the first request (in arrival order) that matches, waiting for it when needed. */
  async waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = await this.waitUntil(() => this.requests.find(match), timeoutMs);
    if (!found) {
      const seen = this.requests.map((r) => `${r.method} ${r.path}`).slice(-10).join('\n  ');
      throw new Error(`fake Discord: no matching request within ${timeoutMs} ms; last requests:\n  ${seen}`);
    }
    return found;
  }

  /** Resolves once `check` returns something truthy (checked after every request and gateway message), or undefined on timeout. */
  async waitUntil<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T | undefined> {
    const first = check();
    if (first) return first;
    return new Promise<T | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(onChange);
        resolve(undefined);
      }, timeoutMs);
      const onChange = () => {
        const value = check();
        if (!value) return;
        clearTimeout(timer);
        this.waiters.delete(onChange);
        resolve(value);
      };
      this.waiters.add(onChange);
    });
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  // ---------------------------------------------------------------- REST

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const [path, query = ''] = (req.url ?? '/').split('?');
    let body: any = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // multipart or text: kept raw
    }
    const request: RecordedRequest = { method: req.method ?? 'GET', path, query: new URLSearchParams(query), headers: req.headers, body, at: Date.now() };
    this.requests.push(request);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
      this.changed();
    };

    const limit = this.rateLimits.find((l) => l.method === request.method && l.path.test(path) && l.times > 0);
    if (limit) {
      limit.times--;
      return send(
        429,
        { message: 'You are being rate limited.', retry_after: limit.retryAfter, global: false },
        {
          'retry-after': String(limit.retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(limit.retryAfter),
          'x-ratelimit-bucket': 'fakebucket',
          'x-ratelimit-scope': 'user',
        },
      );
    }

    const authorized = req.headers.authorization === `Bot ${this.token}`;
    let m: RegExpExecArray | null;
    if (request.method === 'GET' && path === '/api/v10/gateway/bot') {
      if (!authorized) return send(401, { message: '401: Unauthorized', code: 0 });
      return send(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (request.method === 'POST' && (m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
      if (!authorized) return send(401, { message: '401: Unauthorized', code: 0 });
      return send(200, this.botMessage(m[1], body));
    }
    if (request.method === 'POST' && (m = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const interaction = this.interactions.get(m[2]);
      if (!interaction || interaction.id !== m[1] || Date.now() - interaction.createdAt > 3000) return send(404, { message: 'Unknown interaction', code: 10062 });
      if (interaction.acknowledged) return send(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      interaction.acknowledged = true;
      const type = body?.type;
      interaction.ephemeral = ((body?.data?.flags ?? 0) & 64) === 64;
      let message: any;
      if (type === 4 || type === 5) {
        message = this.botMessage(this.channelId, type === 4 ? body.data : { content: '', flags: (body.data?.flags ?? 0) | 128 }, m[1]);
        interaction.originalMessageId = message.id;
      }
      if (request.query.get('with_response') !== 'true') return send(204);
      return send(200, {
        interaction: { id: interaction.id, type: 2, response_message_id: message?.id, response_message_loading: type === 5, response_message_ephemeral: interaction.ephemeral },
        resource: message && type === 4 ? { type, message } : { type },
      });
    }
    if ((m = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)\/messages\/(%40original|@original)$/.exec(path))) {
      const interaction = this.interactions.get(m[2]);
      if (m[1] !== this.appId || !interaction?.acknowledged) return send(404, { message: 'Unknown Webhook', code: 10015 });
      if (request.method === 'DELETE') {
        if (interaction.originalMessageId) this.messages.delete(interaction.originalMessageId);
        return send(204);
      }
      if (request.method === 'PATCH') {
        const previous = this.messages.get(interaction.originalMessageId ?? '') ?? {};
        const flags = (previous.flags ?? 0) & ~128;
        const message = { ...previous, ...body, flags, id: interaction.originalMessageId ?? snowflake(), channel_id: this.channelId, author: user(this.botId, 'network-qa', true) };
        this.messages.set(message.id, message);
        return send(200, message);
      }
    }
    if (request.method === 'POST' && (m = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)$/.exec(path))) {
      const interaction = this.interactions.get(m[2]);
      if (m[1] !== this.appId || !interaction?.acknowledged) return send(404, { message: 'Unknown Webhook', code: 10015 });
      return send(200, this.botMessage(this.channelId, body));
    }
    if (request.method === 'PUT' && /^\/api\/v10\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (!authorized) return send(401, { message: '401: Unauthorized', code: 0 });
      return send(200, (body as any[]).map((command) => ({ ...command, id: snowflake(), application_id: this.appId, version: snowflake() })));
    }
    return send(404, { message: '404: Not Found', code: 0 });
  }

  private botMessage(channelId: string, body: any, interactionId?: string): any {
    const message = {
      id: snowflake(),
      channel_id: channelId,
      author: user(this.botId, 'network-qa', true),
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: body?.message_reference ? 19 : interactionId ? 20 : 0,
      flags: body?.flags ?? 0,
      ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
      ...(channelId === this.channelId ? { guild_id: this.guildId } : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }

  // ---------------------------------------------------------------- gateway

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    this.sockets.add(socket);
    this.gateway.connections++;
    this.gateway.paths.push(req.url ?? '');
    socket.on('close', (code) => {
      this.sockets.delete(socket);
      this.gateway.closeCodes.push(code);
      if (this.current === socket) this.current = null;
      this.changed();
    });
    socket.on('message', (raw) => this.onGatewayMessage(socket, JSON.parse(raw.toString()) as GatewayPayload));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatInterval } }));
  }

  private onGatewayMessage(socket: WebSocket, payload: GatewayPayload): void {
    this.received.push(payload);
    switch (payload.op) {
      case 1:
        this.gateway.heartbeats++;
        socket.send(JSON.stringify({ op: 11 }));
        break;
      case 2: {
        if (payload.d?.token !== this.token) {
          socket.close(4004, 'Authentication failed.');
          break;
        }
        this.gateway.identifies++;
        this.sessionId = randomBytes(16).toString('hex');
        this.seq = 0;
        this.dispatched.length = 0;
        this.current = socket;
        this.dispatch('READY', {
          v: 10,
          user: { ...user(this.botId, 'network-qa', true), verified: true, mfa_enabled: false, flags: 0 },
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: this.sessionId,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/resume`,
          shard: [0, 1],
          application: { id: this.appId, flags: 0 },
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          user_settings: {},
        });
        this.dispatch('GUILD_CREATE', this.guild());
        break;
      }
      case 6: {
        if (payload.d?.token !== this.token || payload.d?.session_id !== this.sessionId) {
          socket.send(JSON.stringify({ op: 9, d: false }));
          break;
        }
        this.gateway.resumes++;
        this.current = socket;
        // Discord replays what the client missed, then says RESUMED.
        for (const missed of this.dispatched.filter((p) => (p.s ?? 0) > (payload.d.seq ?? 0))) socket.send(JSON.stringify(missed));
        this.dispatch('RESUMED', {});
        break;
      }
      default:
        break;
    }
    this.changed();
  }

  private guild() {
    const role = (id: string, name: string, permissions: bigint, position: number) => ({
      id,
      name,
      color: 0,
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: String(permissions),
      managed: false,
      mentionable: false,
      flags: 0,
    });
    return {
      id: this.guildId,
      name: 'EUROCITIES community',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '100000000000000099',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        role(this.guildId, '@everyone', PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages, 0),
        role(this.maintainerRoleId, 'knowledge maintainers', 0n, 1),
        role(this.otherRoleId, 'members', 0n, 1),
        { ...role(this.botRoleId, 'network-qa', PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages, 2), managed: true, tags: { bot_id: this.botId } },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      members: [],
      channels: [{ id: this.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], parent_id: null, topic: null, nsfw: false }],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
