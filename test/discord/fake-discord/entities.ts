/** Raw Discord objects, shaped as the gateway and REST send them (only the fields discord.js reads). */
import { PermissionFlagsBits } from 'discord.js';
import { snowflake } from './ids.js';

export interface RawUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface RawMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  /** Sent with MESSAGE_CREATE in DMs: discord.js builds the (uncached) DM channel from it. */
  channel_type?: number;
  author: RawUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: RawUser[];
  mention_roles: string[];
  attachments: unknown[];
  embeds: Array<Record<string, unknown>>;
  components: Array<Record<string, unknown>>;
  pinned: boolean;
  type: number;
  flags: number;
  message_reference?: { message_id?: string; channel_id?: string; guild_id?: string };
  referenced_message?: RawMessage | null;
  member?: Record<string, unknown>;
}

export function user(username: string, bot = false): RawUser {
  return { id: snowflake(), username, global_name: username, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

/** What members may do in the fake guild: read, write, embed. ManageGuild is added for admins. */
export const MEMBER_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.ReadMessageHistory | PermissionFlagsBits.UseApplicationCommands;
export const ADMIN_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;

export function member(who: RawUser, permissions: bigint = MEMBER_PERMISSIONS): Record<string, unknown> {
  return {
    user: who,
    roles: [],
    permissions: permissions.toString(),
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
  };
}

/** A guild text channel (0), a DM (1, no guild) or a public thread (11, with parent and owner). */
export interface RawChannel {
  id: string;
  type: 0 | 1 | 11;
  name: string;
  guild_id?: string;
  position?: number;
  permission_overwrites?: [];
  parent_id?: string;
  owner_id?: string;
  recipients?: RawUser[];
  thread_metadata?: Record<string, unknown>;
}

export interface RawGuild {
  id: string;
  name: string;
  owner_id: string;
  channels: RawChannel[];
}

export function guild(owner: RawUser, channelNames: string[], id = snowflake(), name = 'Fake newsroom'): RawGuild {
  return {
    id,
    name,
    owner_id: owner.id,
    channels: channelNames.map((name, position) => ({ id: snowflake(), type: 0, name, guild_id: id, position, permission_overwrites: [] })),
  };
}

/** The GUILD_CREATE payload: channels must be listed, or messages in them are dropped by discord.js. */
/** The role Discord makes for a bot when it joins: managed, tagged with the bot's id. */
export function managedRole(guildId: string, bot: RawUser): Record<string, unknown> {
  return { id: snowflake(), name: bot.username, permissions: MEMBER_PERMISSIONS.toString(), position: 1, color: 0, hoist: false, managed: true, mentionable: false, flags: 0, tags: { bot_id: bot.id } };
}

export function guildCreate(raw: RawGuild, bot: RawUser, extraRoles: Array<Record<string, unknown>> = []): Record<string, unknown> {
  return {
    ...raw,
    unavailable: false,
    icon: null,
    joined_at: new Date(0).toISOString(),
    large: false,
    member_count: 2,
    features: [],
    roles: [{ id: raw.id, name: '@everyone', permissions: MEMBER_PERMISSIONS.toString(), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }, ...extraRoles],
    members: [{ ...member(bot), roles: extraRoles.map((r) => r.id) }],
    threads: [],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function message(fields: { channel: RawChannel; author: RawUser; content: string; mentions?: RawUser[] } & Partial<RawMessage>): RawMessage {
  const { channel, author, content, mentions, ...rest } = fields;
  return {
    id: snowflake(),
    channel_id: channel.id,
    ...(channel.guild_id === undefined ? {} : { guild_id: channel.guild_id }),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...rest,
  };
}
