import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/** What the bot sent back for one envelope. */
export interface Ack {
  envelope_id: string;
  payload?: Record<string, any>;
}

/**
 * A fake Slack Socket Mode endpoint on 127.0.0.1: greets each connection with `hello`, delivers envelopes
 * (`events_api`, `slash_commands`, `interactive`), collects the acks, and can ask the client to reconnect.
 */
/** How often `send` looks again for an open connection while the client reconnects. */
const SEND_RETRY_MS = 20;

export class FakeSocketMode {
  private server?: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (ack: Ack) => void>();
  private readonly acks: Ack[] = [];
  private nextId = 0;
  /** How many connections the client has opened so far. */
  connections = 0;
  private connectionWaiters: Array<() => void> = [];

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/link/?ticket=fake`;
  }

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server!.once('listening', () => resolve()));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      this.connections += 1;
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Ack;
        this.acks.push(ack);
        this.pendingAcks.get(ack.envelope_id)?.(ack);
        this.pendingAcks.delete(ack.envelope_id);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0000001' } }));
      const waiters = this.connectionWaiters;
      this.connectionWaiters = [];
      for (const wake of waiters) wake();
    });
    return this;
  }

  /** Number of currently open connections. */
  get open(): number {
    return [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  /** Resolves once the client has opened at least `count` connections in total. */
  async waitForConnections(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections < count) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for connection #${count} (have ${this.connections})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.connectionWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Sends an envelope on the newest open connection and resolves with the bot's ack.
   * @param type `events_api`, `slash_commands` or `interactive`
   */
  async send(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown, extra: Record<string, unknown> = {}, timeoutMs = 3000): Promise<Ack> {
    // Bolt's client reconnects by itself when a ping is late (as on a loaded CI machine): wait for its new connection,
    // within the ack's own time, rather than fail the test for a reconnect it did not cause.
    const deadline = Date.now() + timeoutMs;
    let socket = this.newestOpen();
    while (!socket && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, SEND_RETRY_MS));
      socket = this.newestOpen();
    }
    if (!socket) throw new Error('No open Socket Mode connection');
    const open = socket;
    this.nextId += 1;
    const envelopeId = `env-${this.nextId}`;
    return new Promise<Ack>((resolve, reject) => {
      // Slack expects an ack within 3 seconds.
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`No ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      open.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
    });
  }

  private newestOpen(): WebSocket | undefined {
    return [...this.sockets].reverse().find((s) => s.readyState === WebSocket.OPEN);
  }

  /** Slack's "please reconnect" message on every open connection. */
  requestReconnect(): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  /** Drops every open connection without a word, as a network failure would. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
