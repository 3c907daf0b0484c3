import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** Gateway opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes). */
export const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

interface Frame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

interface Session {
  id: string;
  seq: number;
  /** Dispatches sent in this session, for replay on RESUME. */
  log: Frame[];
  socket: WebSocket | undefined;
  intents: number;
}

export interface GatewayStats {
  identifies: number;
  resumes: number;
  heartbeats: number;
  connections: number;
}

/**
 * A Discord Gateway (v10, JSON encoding, no compression) on the HTTP server's upgrade path:
 * HELLO, IDENTIFY -> READY (+ whatever `onReady` dispatches), heartbeats with ACKs, RESUME with
 * replay of missed dispatches, and dispatches queued while the client is away.
 */
export class FakeGateway {
  readonly stats: GatewayStats = { identifies: 0, resumes: 0, heartbeats: 0, connections: 0 };
  readonly received: Frame[] = [];
  readonly #wss = new WebSocketServer({ noServer: true });
  #session: Session | undefined;
  readonly #heartbeatInterval: number;
  readonly #readyPayload: (sessionId: string) => Record<string, unknown>;
  readonly #onReady: () => void;
  readonly #token: string;

  constructor(options: { token: string; heartbeatInterval: number; readyPayload: (sessionId: string) => Record<string, unknown>; onReady: () => void }) {
    this.#token = options.token;
    this.#heartbeatInterval = options.heartbeatInterval;
    this.#readyPayload = options.readyPayload;
    this.#onReady = options.onReady;
    this.#wss.on('connection', (ws) => this.#onConnection(ws));
  }

  /** Intents the client identified with (0 before IDENTIFY). */
  get intents(): number {
    return this.#session?.intents ?? 0;
  }

  get connected(): boolean {
    return this.#session?.socket?.readyState === 1;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit('connection', ws, req));
  }

  #onConnection(ws: WebSocket): void {
    this.stats.connections++;
    this.#send(ws, { op: Op.Hello, d: { heartbeat_interval: this.#heartbeatInterval }, s: null, t: null });
    ws.on('message', (raw) => {
      let frame: Frame;
      try {
        frame = JSON.parse(String(raw)) as Frame;
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      this.received.push(frame);
      this.#onFrame(ws, frame);
    });
    ws.on('close', () => {
      if (this.#session?.socket === ws) this.#session.socket = undefined;
    });
  }

  #onFrame(ws: WebSocket, frame: Frame): void {
    switch (frame.op) {
      case Op.Heartbeat:
        this.stats.heartbeats++;
        this.#send(ws, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify: {
        const d = frame.d as { token?: string; intents?: number };
        if (d.token !== this.#token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        this.stats.identifies++;
        this.#session = { id: randomUUID().replace(/-/g, ''), seq: 0, log: [], socket: ws, intents: d.intents ?? 0 };
        this.dispatch('READY', this.#readyPayload(this.#session.id));
        this.#onReady();
        return;
      }
      case Op.Resume: {
        const d = frame.d as { token?: string; session_id?: string; seq?: number };
        const session = this.#session;
        if (!session || d.session_id !== session.id || d.token !== this.#token) {
          this.#send(ws, { op: Op.InvalidSession, d: false, s: null, t: null });
          return;
        }
        this.stats.resumes++;
        session.socket = ws;
        for (const missed of session.log.filter((f) => (f.s ?? 0) > (d.seq ?? 0))) this.#send(ws, missed);
        this.dispatch('RESUMED', null);
        return;
      }
      default:
        return;
    }
  }

  /** Sends (or queues, while the client is disconnected) a dispatch event. */
  dispatch(t: string, d: unknown): void {
    const session = this.#session;
    if (!session) throw new Error('No Gateway session: the client has not identified');
    const frame: Frame = { op: Op.Dispatch, d, s: ++session.seq, t };
    session.log.push(frame);
    if (session.socket && session.socket.readyState === 1) this.#send(session.socket, frame);
  }

  /**
   * Closes the client's connection: a close code or an abrupt TCP drop. As on Discord, 4000 keeps
   * the session resumable, while 4007 (invalid seq) and 4009 (session timed out) end it, so a
   * RESUME is answered with INVALID_SESSION and the client must identify again.
   */
  drop(mode: { code: number } | 'terminate' = { code: 4000 }): void {
    const socket = this.#session?.socket;
    if (!socket) return;
    if (mode !== 'terminate' && (mode.code === 4007 || mode.code === 4009) && this.#session) this.#session.id = `ended-${this.#session.id}`;
    if (mode === 'terminate') socket.terminate();
    else socket.close(mode.code, 'Dropped by the test');
  }

  #send(ws: WebSocket, frame: Frame): void {
    ws.send(JSON.stringify(frame));
  }

  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}
