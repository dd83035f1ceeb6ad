/**
 * A fake Discord on loopback for the real discord.js client: REST under /api/v10 and the Gateway on one
 * port (see shared/docs/discord-fake-protocol.md beside the checkout). Tests act as users (say, command, click) and read
 * back what the bot sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits } from 'discord.js';
import { ADMIN_PERMISSIONS, guild, guildCreate, managedRole, MEMBER_PERMISSIONS, message, user, type RawChannel, type RawGuild, type RawMessage, type RawUser } from './entities.js';
import { commandProblems } from './command-rules.js';
import { FakeGateway } from './gateway.js';
import { shardOf, snowflake, snowflakeOnShard } from './ids.js';
import { buttonInteraction, commandInteraction, messageCommandInteraction, modalSubmitInteraction, type CommandOption } from './interactions.js';
import { FakeRest, type RestAnswer, type Route } from './rest.js';

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

/** Everything the bot did in answer to one interaction. */
export interface InteractionRecord {
  id: string;
  token: string;
  /** Callback bodies in order: {type: 4|5|6|7|8, data}. */
  callbacks: Array<{ type: number; data?: Record<string, unknown> }>;
  /** The reply (or, for a button, the message it sits on) as last edited. */
  original: RawMessage | null;
  followUps: RawMessage[];
  deleted: boolean;
  /** Every body the bot sent for this interaction (callbacks, edits, follow-ups). */
  bodies: Array<Record<string, unknown>>;
  /** Where the interaction happened: replies and follow-ups are posted there. */
  channelId: string;
}

export interface FakeDiscordOptions {
  token: string;
  heartbeatIntervalMs?: number;
  /** Guilds the bot is in (default 1); guild i is owned by shard i % shards. */
  guilds?: number;
  /** The shard count `/gateway/bot` recommends (default 1). */
  shards?: number;
  /** `/gateway/bot`'s session_start_limit.max_concurrency: shards that may identify at once (default 1, as most bots). */
  maxConcurrency?: number;
}

type Body = Record<string, unknown>;

export class FakeDiscord {
  readonly bot: RawUser = user('verbatim', true);
  readonly owner: RawUser = user('owner');
  readonly member: RawUser = user('reader');
  readonly otherBot: RawUser = user('another-bot', true);
  readonly applicationId = snowflake();
  /** Every guild the bot is in; `guild` is the first. */
  readonly guilds: RawGuild[];
  readonly guild: RawGuild;
  /** The shard count `/gateway/bot` recommends. */
  readonly shards: number;
  readonly maxConcurrency: number;
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  /** Registered commands by scope: 'global' or a guild id. */
  readonly commands = new Map<string, Body[]>();
  readonly messages = new Map<string, RawMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  /** Every MESSAGE_CREATE sent, as delivered (content blanked when the intents say so). */
  readonly delivered: RawMessage[] = [];
  /** The bot's managed role in the guild (mentioning it mentions the bot). */
  readonly botRole: Record<string, unknown> & { id: string };
  /** The bot's managed role in each guild, by guild id. */
  private readonly botRoles = new Map<string, Record<string, unknown>>();
  /** Threads the bot started and DM channels, beside the guild's channels. */
  readonly extraChannels: RawChannel[] = [];
  /** Reactions the bot added, by message id. */
  readonly reactions = new Map<string, string[]>();
  typing = 0;
  private port = 0;

  private constructor(private readonly server: Server, options: FakeDiscordOptions) {
    this.shards = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    // Guild ids are picked so that guild i lands on shard i % shards, as (guild_id >> 22) % shards decides.
    this.guilds = Array.from({ length: options.guilds ?? 1 }, (_, i) =>
      guild(this.owner, ['general', 'ask-here'], snowflakeOnShard(i % this.shards, this.shards), i === 0 ? 'Fake newsroom' : `Fake newsroom ${i + 1}`),
    );
    this.guild = this.guilds[0]!;
    for (const g of this.guilds) this.botRoles.set(g.id, managedRole(g.id, this.bot));
    this.botRole = this.botRoles.get(this.guild.id) as Record<string, unknown> & { id: string };
    this.rest = new FakeRest(options.token, this.routes());
    server.on('request', (req, res) => {
      this.rest.serve(req, res).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    this.gateway = new FakeGateway(server, {
      token: options.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000,
      ready: (sessionId, shard) => ({
        v: 10,
        user: this.bot,
        guilds: this.guildsOf(shard).map((g) => ({ id: g.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: this.gatewayUrl,
        shard,
        application: { id: this.applicationId, flags: 0 },
      }),
      afterReady: (shard) => this.guildsOf(shard).map((g) => ({ t: 'GUILD_CREATE', d: guildCreate(g, this.bot, [this.botRoles.get(g.id)!]) })),
    });
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** For DISCORD_REST_API: discord.js appends `/v10` and the route. */
  get restUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get general(): RawChannel {
    return this.guild.channels[0]!;
  }

  get askHere(): RawChannel {
    return this.guild.channels[1]!;
  }

  /** `<@id>` for the bot, as a user's client writes a mention. */
  get botMention(): string {
    return `<@${this.bot.id}>`;
  }

  /** The guilds shard `[id, count]` owns. */
  guildsOf([id, count]: [number, number]): RawGuild[] {
    return this.guilds.filter((g) => shardOf(g.id, count) === id);
  }

  // --- acting as users -------------------------------------------------------------------------

  /** `<@&id>` for the bot's managed role. */
  get botRoleMention(): string {
    return `<@&${this.botRole.id}>`;
  }

  /** The DM channel between `who` and the bot (made on first use, as Discord does). */
  dmWith(who: RawUser = this.member): RawChannel {
    const found = this.extraChannels.find((c) => c.type === 1 && c.recipients?.[0]?.id === who.id);
    if (found !== undefined) return found;
    const channel: RawChannel = { id: snowflake(), type: 1, name: '', recipients: [who] };
    this.extraChannels.push(channel);
    return channel;
  }

  /** Threads the bot started from a message in `channel`. */
  threadsIn(channel: RawChannel): RawChannel[] {
    return this.extraChannels.filter((c) => c.type === 11 && c.parent_id === channel.id);
  }

  /**
   * A user posts a message; returns it as stored (with full content, whatever the bot is shown). `replyTo`
   * makes it a reply, which (as Discord's default) pings the replied-to author.
   */
  say(content: string, options: { author?: RawUser; channel?: RawChannel; replyTo?: RawMessage } = {}): RawMessage {
    const known = [this.bot, this.owner, this.member, this.otherBot];
    const channel = options.channel ?? this.general;
    const pinged = options.replyTo?.author;
    const mentions = known.filter((u) => content.includes(`<@${u.id}>`) || content.includes(`<@!${u.id}>`) || u.id === pinged?.id);
    const mentionRoles = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
    const reply = options.replyTo === undefined
      ? {}
      : { type: 19, message_reference: { message_id: options.replyTo.id, channel_id: channel.id, ...(channel.guild_id ? { guild_id: channel.guild_id } : {}) }, referenced_message: options.replyTo };
    const sent = message({
      channel,
      author: options.author ?? this.member,
      content,
      mentions,
      mention_roles: mentionRoles,
      ...(channel.type === 1 ? { channel_type: 1 } : { member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 } }),
      ...reply,
    });
    this.messages.set(sent.id, sent);
    this.deliver(sent);
    return sent;
  }

  /** A user picks a message command (right-click → Apps) on `target`. */
  contextMenu(name: string, target: RawMessage, invoker: { user?: RawUser; admin?: boolean } = {}): InteractionRecord {
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    const payload = messageCommandInteraction(this.applicationId, this.invoker(invoker), ADMIN_PERMISSIONS, { id: typeof registered?.id === 'string' ? registered.id : snowflake(), name }, target);
    return this.interact(payload, null);
  }

  /** A user sends the form (modal) the bot opened from a button on `on`. */
  submitModal(on: RawMessage, customId: string, fields: Record<string, string>, invoker: { user?: RawUser; admin?: boolean } = {}): InteractionRecord {
    return this.interact(modalSubmitInteraction(this.applicationId, this.invoker(invoker), ADMIN_PERMISSIONS, on, customId, fields), on);
  }

  command(name: string, options: CommandOption[] = [], invoker: { user?: RawUser; admin?: boolean; autocomplete?: boolean; channel?: RawChannel } = {}): InteractionRecord {
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    const payload = commandInteraction(this.applicationId, this.invoker(invoker), invoker.admin === false ? MEMBER_PERMISSIONS : ADMIN_PERMISSIONS, {
      id: typeof registered?.id === 'string' ? registered.id : snowflake(),
      name,
      options,
      ...(invoker.autocomplete === true ? { autocomplete: true } : {}),
    });
    return this.interact(payload, null);
  }

  click(on: RawMessage, customId: string, invoker: { user?: RawUser; admin?: boolean } = {}): InteractionRecord {
    return this.interact(buttonInteraction(this.applicationId, this.invoker(invoker), ADMIN_PERMISSIONS, on, customId), on);
  }

  /** Polls until `check` returns something other than undefined/false/null; fails with `what` after the timeout. */
  async until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== null && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Bot messages in a channel (REST sends, not interaction replies), oldest first. */
  botMessages(channel: RawChannel = this.general): RawMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channel.id && m.author.id === this.bot.id);
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- internals -------------------------------------------------------------------------------

  private invoker(options: { user?: RawUser; admin?: boolean; channel?: RawChannel }) {
    return { user: options.user ?? (options.admin === true ? this.owner : this.member), permissions: options.admin === true ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS, channel: options.channel ?? this.general };
  }

  private channelById(id: string): RawChannel | undefined {
    return this.guilds.flatMap((g) => g.channels).find((c) => c.id === id) ?? this.extraChannels.find((c) => c.id === id);
  }

  private interact(payload: Record<string, unknown>, on: RawMessage | null): InteractionRecord {
    const record: InteractionRecord = { id: String(payload.id), token: String(payload.token), callbacks: [], original: on, followUps: [], deleted: false, bodies: [], channelId: String(payload.channel_id ?? this.general.id) };
    this.interactions.set(record.token, record);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return record;
  }

  /**
   * Real Discord sends guild messages only with GuildMessages and DMs only with DirectMessages, and blanks
   * what a message says unless the bot has MessageContent, is mentioned, wrote it, or it is a DM.
   */
  private deliver(raw: RawMessage): void {
    const intents = this.gateway.intents ?? 0;
    const direct = raw.guild_id === undefined;
    if ((intents & (direct ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages)) === 0) return;
    const readable = direct || (intents & GatewayIntentBits.MessageContent) !== 0 || raw.author.id === this.bot.id || raw.mentions.some((u) => u.id === this.bot.id);
    const shown = readable ? raw : { ...raw, content: '', embeds: [], attachments: [], components: [] };
    this.delivered.push(shown);
    this.gateway.dispatch('MESSAGE_CREATE', shown);
  }

  private botMessage(channelId: string, body: Body, extra: Partial<RawMessage> = {}): RawMessage {
    const channel = this.channelById(channelId) ?? this.general;
    const reference = body.message_reference as RawMessage['message_reference'] | undefined;
    return message({
      channel,
      author: this.bot,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: (body.embeds as RawMessage['embeds'] | undefined) ?? [],
      components: (body.components as RawMessage['components'] | undefined) ?? [],
      flags: typeof body.flags === 'number' ? body.flags : 0,
      ...(reference === undefined ? {} : { message_reference: { ...reference, channel_id: channel.id, ...(channel.guild_id ? { guild_id: channel.guild_id } : {}) }, type: 19 }),
      ...extra,
    });
  }

  private edit(target: RawMessage, body: Body): RawMessage {
    if (typeof body.content === 'string') target.content = body.content;
    if (Array.isArray(body.embeds)) target.embeds = body.embeds as RawMessage['embeds'];
    if (Array.isArray(body.components)) target.components = body.components as RawMessage['components'];
    target.flags &= ~LOADING;
    target.edited_timestamp = new Date().toISOString();
    return target;
  }

  private record(token: string): InteractionRecord | undefined {
    return this.interactions.get(token);
  }

  private callback(id: string, token: string, body: Body, query: URLSearchParams): RestAnswer {
    const record = this.record(token);
    if (record === undefined || record.id !== id) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    if (record.callbacks.length > 0) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    const type = Number(body.type);
    const data = (body.data ?? {}) as Body;
    record.callbacks.push({ type, data });
    record.bodies.push(body);
    if (type === 4) record.original = this.botMessage(record.channelId, data);
    if (type === 5) record.original = this.botMessage(record.channelId, {}, { flags: (Number(data.flags ?? 0) & EPHEMERAL) | LOADING });
    if (type === 7 && record.original !== null) this.edit(record.original, data);
    // 9 opens a modal: nothing is posted until the user sends it.
    const withResponse = query.get('with_response') === 'true';
    return withResponse ? { status: 200, body: { interaction: { id, type: 2 }, resource: { type, message: record.original } } } : { status: 204 };
  }

  private routes(): Route[] {
    const json = (body: unknown, status = 200): RestAnswer => ({ status, body });
    const commandRoutes = (pattern: string, scopeOf: (params: string[]) => string): Route[] => [
      { method: 'GET', pattern, handle: ({ params }) => json(this.commands.get(scopeOf(params)) ?? []) },
      {
        method: 'PUT',
        pattern,
        handle: ({ params, body }) => {
          const problems = (body as Body[]).flatMap((c) => commandProblems(c));
          if (problems.length > 0) return json({ message: 'Invalid Form Body', code: 50035, errors: problems }, 400);
          const stored = (body as Body[]).map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: snowflake() }));
          this.commands.set(scopeOf(params), stored);
          return json(stored);
        },
      },
    ];
    return [
      { method: 'GET', pattern: '/gateway/bot', handle: () => json({ url: this.gatewayUrl, shards: this.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.maxConcurrency } }) },
      { method: 'GET', pattern: '/applications/@me', handle: () => json({ id: this.applicationId, name: 'verbatim', bot: this.bot, flags: 0 }) },
      ...commandRoutes('/applications/:/commands', () => 'global'),
      ...commandRoutes('/applications/:/guilds/:/commands', (params) => params[1]!),
      {
        method: 'POST',
        pattern: '/channels/:/typing',
        handle: () => {
          this.typing += 1;
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        pattern: '/channels/:/messages',
        handle: ({ params, body }) => {
          const sent = this.botMessage(params[0]!, body as Body);
          this.messages.set(sent.id, sent);
          this.deliver(sent);
          return json(sent);
        },
      },
      {
        method: 'GET',
        pattern: '/channels/:/messages/:',
        handle: ({ params }) => {
          const found = this.messages.get(params[1]!);
          return found === undefined || found.channel_id !== params[0] ? json({ message: 'Unknown Message', code: 10008 }, 404) : json(found);
        },
      },
      {
        method: 'PUT',
        pattern: '/channels/:/messages/:/reactions/:/@me',
        handle: ({ params }) => {
          this.reactions.set(params[1]!, [...(this.reactions.get(params[1]!) ?? []), params[2]!]);
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        pattern: '/channels/:/messages/:/threads',
        handle: ({ params, body }) => {
          const parent = this.channelById(params[0]!);
          if (parent === undefined || parent.type !== 0) return json({ message: 'Cannot start a thread here', code: 50024 }, 400);
          // A thread started from a message has that message's id.
          const thread: RawChannel = {
            id: params[1]!, type: 11, name: String((body as Body).name), guild_id: parent.guild_id, parent_id: parent.id, owner_id: this.bot.id,
            thread_metadata: { archived: false, auto_archive_duration: Number((body as Body).auto_archive_duration ?? 4320), archive_timestamp: new Date().toISOString(), locked: false },
          };
          this.extraChannels.push(thread);
          this.gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true, member_count: 1, message_count: 0 });
          return json({ ...thread, member_count: 1, message_count: 0 }, 201);
        },
      },
      { method: 'POST', pattern: '/interactions/:/:/callback', public: true, handle: ({ params, body, query }) => this.callback(params[0]!, params[1]!, body as Body, query) },
      {
        method: 'PATCH',
        pattern: '/webhooks/:/:/messages/@original',
        public: true,
        handle: ({ params, body }) => {
          const record = this.record(params[1]!);
          if (record === undefined) return json({ message: 'Unknown webhook', code: 10015 }, 404);
          record.bodies.push(body as Body);
          record.original = record.original === null ? this.botMessage(record.channelId, body as Body) : this.edit(record.original, body as Body);
          return json(record.original);
        },
      },
      {
        method: 'DELETE',
        pattern: '/webhooks/:/:/messages/@original',
        public: true,
        handle: ({ params }) => {
          const record = this.record(params[1]!);
          if (record === undefined) return json({ message: 'Unknown webhook', code: 10015 }, 404);
          record.deleted = true;
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        pattern: '/webhooks/:/:',
        public: true,
        handle: ({ params, body }) => {
          const record = this.record(params[1]!);
          if (record === undefined) return json({ message: 'Unknown webhook', code: 10015 }, 404);
          record.bodies.push(body as Body);
          const sent = this.botMessage(record.channelId, body as Body);
          record.followUps.push(sent);
          return json(sent);
        },
      },
    ];
  }
}
