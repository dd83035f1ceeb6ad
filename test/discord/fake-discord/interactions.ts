/** INTERACTION_CREATE payloads: slash commands (type 2), buttons (3) and autocomplete (4). */
import { randomBytes } from 'node:crypto';
import { member, type RawChannel, type RawMessage, type RawUser } from './entities.js';
import { snowflake } from './ids.js';

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

export interface Invoker {
  user: RawUser;
  permissions: bigint;
  channel: RawChannel;
}

/** What every interaction carries; discord.js throws without `entitlements` and `authorizing_integration_owners`. */
function base(applicationId: string, invoker: Invoker, appPermissions: bigint): Record<string, unknown> {
  return {
    id: snowflake(),
    // Real tokens are long and URL-unsafe in places; this one makes sure the path is percent-decoded.
    token: `aW50ZXJhY3Rpb24${randomBytes(24).toString('base64url')}:fake`,
    application_id: applicationId,
    guild_id: invoker.channel.guild_id,
    channel: { id: invoker.channel.id, type: invoker.channel.type, guild_id: invoker.channel.guild_id, name: invoker.channel.name },
    channel_id: invoker.channel.id,
    member: member(invoker.user, invoker.permissions),
    entitlements: [],
    authorizing_integration_owners: { 0: invoker.channel.guild_id },
    app_permissions: appPermissions.toString(),
    locale: 'en-GB',
    guild_locale: 'en-GB',
    context: 0,
    version: 1,
  };
}

export function commandInteraction(applicationId: string, invoker: Invoker, appPermissions: bigint, command: { id: string; name: string; options: CommandOption[]; autocomplete?: boolean }): Record<string, unknown> {
  return {
    ...base(applicationId, invoker, appPermissions),
    type: command.autocomplete === true ? 4 : 2,
    data: { id: command.id, name: command.name, type: 1, options: command.options, guild_id: invoker.channel.guild_id },
  };
}

/** A message context-menu command (data.type 3) on `target`, which Discord sends resolved. */
export function messageCommandInteraction(applicationId: string, invoker: Invoker, appPermissions: bigint, command: { id: string; name: string }, target: RawMessage): Record<string, unknown> {
  return {
    ...base(applicationId, invoker, appPermissions),
    type: 2,
    data: { id: command.id, name: command.name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } }, guild_id: invoker.channel.guild_id },
  };
}

/** A submitted modal (type 5) opened from a button on `message`. */
export function modalSubmitInteraction(applicationId: string, invoker: Invoker, appPermissions: bigint, message: RawMessage, customId: string, fields: Record<string, string>): Record<string, unknown> {
  return {
    ...base(applicationId, invoker, appPermissions),
    type: 5,
    data: { custom_id: customId, components: Object.entries(fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })) },
    message,
  };
}

export function buttonInteraction(applicationId: string, invoker: Invoker, appPermissions: bigint, message: RawMessage, customId: string): Record<string, unknown> {
  return {
    ...base(applicationId, invoker, appPermissions),
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message,
  };
}
