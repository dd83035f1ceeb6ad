/**
 * The fake Gateway: HELLO and heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME with replay of the
 * events sent while the link was down, and closes with chosen codes. Frames are plain JSON (no zlib-sync).
 * Sharded like Discord: IDENTIFY carries `shard: [id, count]`, each shard gets a session of its own, READY and
 * GUILD_CREATE list only the guilds that shard owns, and a guild's events go only to its shard (DMs to shard 0).
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { shardOf } from './ids.js';

/** Events the fake sends; `s` is the sequence number the client acknowledges in heartbeats and RESUME. */
interface Dispatched {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  sent: Dispatched[];
  socket: WebSocket | null;
}

export interface GatewayHooks {
  token: string;
  heartbeatIntervalMs: number;
  /** The READY payload's `d`, given the new session id and the shard pair it identified with. */
  ready: (sessionId: string, shard: [number, number]) => Record<string, unknown>;
  /** Dispatches that follow READY (one GUILD_CREATE per guild the shard owns). */
  afterReady: (shard: [number, number]) => Array<{ t: string; d: unknown }>;
}

/** One dispatch as sent: to which shard, for which guild (null: not a guild event). */
export interface Delivery {
  shard: number;
  t: string;
  guildId: string | null;
}

export class FakeGateway {
  readonly counts = { identify: 0, resume: 0, heartbeat: 0 };
  /** The shard pair of every IDENTIFY, in order. */
  readonly identified: Array<[number, number]> = [];
  /** Every dispatch after READY, with the shard it went to. */
  readonly deliveries: Delivery[] = [];
  private readonly wss: WebSocketServer;
  /** The current session of each shard id. */
  private readonly sessions = new Map<number, Session>();

  constructor(server: Server, private readonly hooks: GatewayHooks) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** The intents of shard 0's session (null before IDENTIFY). */
  get intents(): number | null {
    return this.sessions.get(0)?.intents ?? null;
  }

  /** Whether shard 0's link is up. */
  get connected(): boolean {
    return this.isConnected(0);
  }

  isConnected(shard: number): boolean {
    const socket = this.sessions.get(shard)?.socket;
    return socket !== null && socket !== undefined;
  }

  /**
   * Sends (or, while the link is down, keeps for replay) one dispatch event, to the shard that owns `d.guild_id`
   * (shard 0 for events outside a guild, as Discord sends DMs).
   */
  dispatch(t: string, d: unknown): void {
    const guildId = guildOf(d);
    const session = this.sessionFor(guildId);
    if (session === null) throw new Error('no gateway session: the client has not identified');
    this.send(session, t, d);
    this.deliveries.push({ shard: session.shard[0], t, guildId });
  }

  /** Closes shard `shard`'s link with `code` (4000: the client resumes; 1000: it identifies afresh). */
  close(code: number, shard = 0): void {
    this.sessions.get(shard)?.socket?.close(code, 'closed by the fake Discord');
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private sessionFor(guildId: string | null): Session | null {
    const any = this.sessions.values().next().value;
    if (any === undefined) return null;
    const count = any.shard[1];
    return this.sessions.get(guildId === null ? 0 : shardOf(guildId, count)) ?? null;
  }

  private send(session: Session, t: string, d: unknown): void {
    const event = { s: ++session.seq, t, d };
    session.sent.push(event);
    session.socket?.send(JSON.stringify({ op: 0, ...event }));
  }

  private accept(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.hooks.heartbeatIntervalMs } }));
    socket.on('message', (raw) => this.receive(socket, JSON.parse(raw.toString()) as { op: number; d: Record<string, unknown> }));
    socket.on('close', () => {
      for (const session of this.sessions.values()) if (session.socket === socket) session.socket = null;
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
    const shard = (Array.isArray(d.shard) ? d.shard.map(Number) : [0, 1]) as [number, number];
    this.identified.push(shard);
    const [id, count] = shard;
    if (!Number.isInteger(id) || !Number.isInteger(count) || count < 1 || id < 0 || id >= count) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    const session: Session = { id: randomUUID(), shard, intents: Number(d.intents), seq: 0, sent: [], socket };
    this.sessions.set(id, session);
    this.send(session, 'READY', this.hooks.ready(session.id, shard));
    for (const event of this.hooks.afterReady(shard)) this.send(session, event.t, event.d);
  }

  private resume(socket: WebSocket, d: Record<string, unknown>): void {
    this.counts.resume += 1;
    const session = [...this.sessions.values()].find((s) => s.id === d.session_id);
    if (session === undefined || d.token !== this.hooks.token) {
      socket.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    session.socket = socket;
    const after = Number(d.seq);
    for (const event of session.sent.filter((e) => e.s > after)) socket.send(JSON.stringify({ op: 0, ...event }));
    this.send(session, 'RESUMED', {});
  }
}

/** The guild an event belongs to: its `guild_id` (messages, interactions, threads). */
function guildOf(d: unknown): string | null {
  if (typeof d !== 'object' || d === null) return null;
  const id = (d as { guild_id?: unknown }).guild_id;
  return typeof id === 'string' ? id : null;
}
