/**
 * The fake Gateway: HELLO and heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME with replay of the
 * events sent while the link was down, and closes with chosen codes. Frames are plain JSON (no zlib-sync).
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/** Events the fake sends; `s` is the sequence number the client acknowledges in heartbeats and RESUME. */
interface Dispatched {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  intents: number;
  seq: number;
  sent: Dispatched[];
  socket: WebSocket | null;
}

export interface GatewayHooks {
  token: string;
  heartbeatIntervalMs: number;
  /** The READY payload's `d`, given the new session id. */
  ready: (sessionId: string) => Record<string, unknown>;
  /** Dispatches that follow READY (one GUILD_CREATE per guild). */
  afterReady: () => Array<{ t: string; d: unknown }>;
}

export class FakeGateway {
  readonly counts = { identify: 0, resume: 0, heartbeat: 0 };
  private readonly wss: WebSocketServer;
  private session: Session | null = null;

  constructor(server: Server, private readonly hooks: GatewayHooks) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** The intents of the current session (null before IDENTIFY). */
  get intents(): number | null {
    return this.session?.intents ?? null;
  }

  get connected(): boolean {
    return this.session?.socket !== null && this.session?.socket !== undefined;
  }

  /** Sends (or, while the link is down, keeps for replay) one dispatch event. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (session === null) throw new Error('no gateway session: the client has not identified');
    const event = { s: ++session.seq, t, d };
    session.sent.push(event);
    session.socket?.send(JSON.stringify({ op: 0, ...event }));
  }

  /** Closes the link with `code` (4000: the client resumes; 1000: it identifies afresh). */
  close(code: number): void {
    this.session?.socket?.close(code, 'closed by the fake Discord');
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.hooks.heartbeatIntervalMs } }));
    socket.on('message', (raw) => this.receive(socket, JSON.parse(raw.toString()) as { op: number; d: Record<string, unknown> }));
    socket.on('close', () => {
      if (this.session?.socket === socket) this.session.socket = null;
    });
  }

  private receive(socket: WebSocket, frame: { op: number; d: Record<string, unknown> }): void {
    switch (frame.op) {
      case 1:
        this.counts.heartbeat += 1;
        socket.send(JSON.stringify({ op: 11 }));
        return;
      case 2:
        this.identify(socket, frame.d);
        return;
      case 6:
        this.resume(socket, frame.d);
        return;
      default:
        // Presence updates, member requests and the like change nothing in the fake.
        return;
    }
  }

  private identify(socket: WebSocket, d: Record<string, unknown>): void {
    this.counts.identify += 1;
    if (d.token !== this.hooks.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const id = randomUUID();
    this.session = { id, intents: Number(d.intents), seq: 0, sent: [], socket };
    this.dispatch('READY', this.hooks.ready(id));
    for (const event of this.hooks.afterReady()) this.dispatch(event.t, event.d);
  }

  private resume(socket: WebSocket, d: Record<string, unknown>): void {
    this.counts.resume += 1;
    const session = this.session;
    if (session === null || d.session_id !== session.id || d.token !== this.hooks.token) {
      socket.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    session.socket = socket;
    const after = Number(d.seq);
    for (const event of session.sent.filter((e) => e.s > after)) socket.send(JSON.stringify({ op: 0, ...event }));
    this.dispatch('RESUMED', {});
  }
}
